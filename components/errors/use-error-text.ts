"use client";
import { useCallback } from "react";
import { useTranslations } from "use-intl";
import type { ErrorText } from "@/lib/editor/error-text";

/**
 * An ErrorText as one line in the page's language: a problem of the action the user tried in the `errors`
 * catalogue's words, otherwise its message (a thrown error's or the server's, which has no code to word).
 */
export function useErrorText() {
  const t = useTranslations("errors.action");
  return useCallback(
    (error: ErrorText): string => {
      const problem = error.problem;
      if (!problem) return error.message;
      return t(problem.code, { key: problem.key ?? "", hasKey: problem.key === undefined ? "no" : "yes", cause: problem.cause ?? "", hasCause: problem.cause ? "yes" : "no" });
    },
    [t],
  );
}
