"use client";
import { Button } from "@/components/ui/button";
import { useTranslations } from "use-intl";

export interface ChangedNoticeProps {
  index: number | string | undefined;
  /** v3 words its position as a mod revision. */
  v3?: boolean;
  onCompare: () => void;
  onDiscardMine: () => void;
}

/**
 * The key changed underneath an edit in progress: one line, so the editor stays where it is. The edit is
 * kept and stays based on the version it started from (Save still goes through compare-and-swap); Compare
 * shows both in the dialog, with the same action labels as here.
 */
export function ChangedNotice({ index, v3, onCompare, onDiscardMine }: ChangedNoticeProps) {
  const t = useTranslations("keyPanel");
  const t3 = useTranslations("keyPanel3");
  return (
    <section aria-label={t("changed.region")} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-warning-line bg-warning-soft px-3 py-1.5 text-sm">
      <p role="alert" className="min-w-0 flex-1 text-warning">
        {(v3 ? t3 : t)("changed.line", { index: index ?? "?" })}
      </p>
      <span className="flex gap-2">
        <Button onClick={onCompare}>{t("conflict.compare")}</Button>
        <Button onClick={onDiscardMine}>{t("conflict.discardMine")}</Button>
      </span>
    </section>
  );
}
