"use client";
// The words for the codes lib/ returns when a form's input is not usable (a key, a TTL), in the page's language.
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { formProblemOf } from "@/lib/api/schemas";
import type { TtlProblem } from "@/lib/editor/ttl";
import type { KeyProblem } from "@/lib/key-path";

export function useValidationText() {
  const t = useTranslations("validation");
  return useMemo(() => {
    function keyProblem(problem: KeyProblem): string {
      switch (problem.code) {
        case "dotSegment":
          return t("key.dotSegment", { segment: problem.segment });
        case "tooLong":
          return t("key.tooLong", { bytes: problem.bytes, max: problem.max });
        default:
          return t(`key.${problem.code}`);
      }
    }
    return {
      keyProblem,
      /** `"<key>" is not a valid key: <why>.` */
      invalidKey: (key: string, problem: KeyProblem): string => t("invalidKey", { key, problem: keyProblem(problem) }),
      /** `Not a valid key: <why>.` */
      notValidKey: (problem: KeyProblem): string => t("notValidKey", { problem: keyProblem(problem) }),
      ttlProblem: (problem: TtlProblem): string => t(`ttl.${problem}`),
      /** A zod issue of a shared schema: its code in words, or its own message when it carries none. */
      issue(issue: { message: string; params?: Record<string, unknown> }): string {
        const problem = formProblemOf(issue);
        if (!problem) return issue.message;
        return problem.code === "invalidKey" ? t("notValidKey", { problem: keyProblem(problem.problem) }) : t(`form.${problem.code}`);
      },
      watchKeyMissing: (): string => t("watch.keyMissing"),
      fromIndex: (): string => t("watch.fromIndex"),
    };
  }, [t]);
}
