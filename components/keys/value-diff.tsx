"use client";
import { useTranslations } from "use-intl";
import { ReadOnlyMerge } from "@/components/ui/read-only-merge";

/** Their stored value beside yours, differences marked (read-only; "Their value" / "Your value"), with captions. */
export function ValueDiff({ theirs, mine, theirsCaption, mineCaption }: { theirs: string; mine: string; theirsCaption: string; mineCaption: string }) {
  const t = useTranslations("keyPanel.conflict");
  return (
    <div>
      <div className="grid grid-cols-2 gap-2 text-xs font-medium text-muted">
        <p>{theirsCaption}</p>
        <p>{mineCaption}</p>
      </div>
      <ReadOnlyMerge a={{ doc: theirs, label: t("theirValue") }} b={{ doc: mine, label: t("yourValue") }} className="mt-1 bg-canvas" />
    </div>
  );
}
