"use client";
// The words for the codes lib/ returns when a form's input is not usable (a key, a TTL), in the page's language.
import { useMemo } from "react";
import { useTranslations } from "use-intl";
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
      watchKeyMissing: (): string => t("watch.keyMissing"),
      fromIndex: (): string => t("watch.fromIndex"),
    };
  }, [t]);
}
