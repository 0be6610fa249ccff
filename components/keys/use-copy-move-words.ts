"use client";
// The copy / move report's notes (why an entry was not copied or a source kept, why the run stopped) in the
// page's language, from the codes the stream carries; its English `message` and `stopped` are for API clients.
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import type { CopyMoveLine, CopyMoveStop } from "@/lib/copy-move/protocol";

type Problem = Extract<CopyMoveLine, { type: "problem" }>;

export function useCopyMoveWords() {
  const t = useTranslations("reports.copyMove");
  return useMemo(
    () => ({
      problem(p: Problem): string {
        switch (p.kind) {
          case "skipped":
            return t("skipped", { dir: p.blockedDir ?? "" });
          case "expired":
            return t("expired");
          case "exists":
            return t("exists", { target: p.target ?? p.key });
          case "changed":
            return t("changed", { key: p.key, target: p.target ?? "", index: p.index ?? 0 });
          case "not-empty":
            return t("notEmpty", { key: p.key });
          case "gone":
            return t("gone", { key: p.key });
          case "failed":
            // etcd's or the server's own words: no code says more than the message.
            return p.message;
        }
      },
      stop(stop: CopyMoveStop): string {
        if (stop.reason === "notAllCopied") return t("notAllCopied", { notCopied: stop.notCopied, total: stop.total });
        return t(stop.reason, { code: stop.code, count: stop.notTried });
      },
    }),
    [t],
  );
}
