"use client";
import { X } from "lucide-react";
import { useTranslations } from "use-intl";

/** What a filter matching none of a directory's children shows (in the tree and in the directory's table): why, and Clear. */
export function FilterEmpty({ text, onClear }: { text: string; onClear: () => void }) {
  const t = useTranslations("tree");
  return (
    <div className="flex items-center gap-2 rounded border border-line bg-subtle px-2 py-1.5 text-sm">
      <p role="status" aria-label={t("filterEmptyLabel")} className="min-w-0 flex-1 break-words text-muted">
        {t("filterEmpty", { text })}
      </p>
      <button
        type="button"
        onClick={onClear}
        className="inline-flex shrink-0 items-center gap-1 rounded border border-line-strong px-2 py-0.5 text-xs hover:bg-hover focus-visible:outline-2 focus-visible:outline-focus"
      >
        <X aria-hidden="true" size={12} /> {t("clearFilter")}
      </button>
    </div>
  );
}
