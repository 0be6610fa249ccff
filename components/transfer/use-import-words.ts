"use client";
// The import dialog's notes (why a node clashes, why a write failed, why the run stopped) in the page's language,
// from the codes of lib/transfer; their English `reason` and `stopped` are for API clients.
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { useErrorWords } from "@/components/errors/use-error-words";
import type { ImportConflict, ImportFailure, ImportReport } from "@/lib/transfer/plan";

export function useImportWords() {
  const t = useTranslations("reports.import");
  const errorWords = useErrorWords();
  return useMemo(() => {
    const conflict = (c: ImportConflict): string => (c.code === "ancestorIsKey" ? t("ancestorIsKey", { ancestor: c.ancestor }) : t(c.code));
    return {
      /** A conflict of the preview: its code's words, or the server's reason. */
      conflict: (entry: { reason: string; conflict?: ImportConflict }): string => (entry.conflict ? conflict(entry.conflict) : entry.reason),
      failure(failure: ImportFailure): string {
        const note = failure.note;
        if (!note) return failure.reason;
        if (note.code === "conflict") return t("leftAsItIs", { conflict: conflict(note.conflict) });
        if (note.code === "changedAfterPreview") return t("changedAfterPreview", { index: note.index });
        return t(note.code);
      },
      /** Why the run stopped: the failure's kind in the shared words, and where. */
      stopped: (report: ImportReport): string =>
        report.stop ? t("stoppedAt", { problem: errorWords(report.stop).title, key: report.stop.key }) : (report.stopped ?? ""),
    };
  }, [t, errorWords]);
}
