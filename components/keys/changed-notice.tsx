"use client";
import { Button } from "@/components/ui/button";
import { useTranslations } from "use-intl";

export interface ChangedNoticeProps {
  index: number | undefined;
  onCompare: () => void;
  onDiscardMine: () => void;
}

/**
 * The key changed underneath an edit in progress: one line, so the editor stays where it is. The edit is
 * kept and stays based on the version it started from (Save still goes through compare-and-swap); Compare
 * shows both in the dialog, with the same action labels as here.
 */
export function ChangedNotice({ index, onCompare, onDiscardMine }: ChangedNoticeProps) {
  const t = useTranslations("keyPanel");
  return (
    <section aria-label={t("changed.region")} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-warning-line bg-warning-soft px-3 py-1.5 text-sm">
      <p role="alert" className="min-w-0 flex-1 text-warning">
        {t("changed.line", { index: index ?? "?" })}
      </p>
      <span className="flex gap-2">
        <Button onClick={onCompare}>{t("conflict.compare")}</Button>
        <Button onClick={onDiscardMine}>{t("conflict.discardMine")}</Button>
      </span>
    </section>
  );
}
