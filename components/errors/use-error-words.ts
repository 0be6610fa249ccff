"use client";
import { useCallback } from "react";
import { useTranslations } from "use-intl";
import { errorKindOf, type ErrorKind } from "@/lib/api/error-kind";
import { ApiError } from "@/lib/api/errors";

export interface ErrorWords {
  kind: ErrorKind;
  title: string;
  explanation: string;
  action: string;
}

/** The words of a kind of failure, from the `errors` catalogue: the same on every page. */
export function useKindWords() {
  const t = useTranslations("errors.kinds");
  return useCallback((kind: ErrorKind): ErrorWords => ({ kind, title: t(`${kind}.title`), explanation: t(`${kind}.explanation`), action: t(`${kind}.action`) }), [t]);
}

/** Any thrown value (or an ErrorSummary of the API) in the shared words; a code without a kind is "unexpected". */
export function useErrorWords() {
  const wordsOf = useKindWords();
  return useCallback(
    (error: unknown): ErrorWords => {
      const body = error instanceof ApiError ? error.body : isSummary(error) ? error : undefined;
      return wordsOf((body && errorKindOf(body as Parameters<typeof errorKindOf>[0])) || "unexpected");
    },
    [wordsOf],
  );
}

function isSummary(value: unknown): value is { code: string } {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string";
}
