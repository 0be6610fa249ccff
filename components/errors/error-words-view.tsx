"use client";
import type { ReactNode } from "react";
import type { ErrorWords } from "./use-error-words";

/** A failure's title, explanation and what to do, in one alert box; `children` add a detail or a button. */
export function ErrorWordsView({ words, children, label }: { words: ErrorWords; children?: ReactNode; label?: string }) {
  return (
    <div role="alert" aria-label={label} className="rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger">
      <p className="font-semibold">{words.title}</p>
      <p className="mt-0.5">{words.explanation}</p>
      <p className="mt-0.5">{words.action}</p>
      {children}
    </div>
  );
}
