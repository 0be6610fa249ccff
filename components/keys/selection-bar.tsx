"use client";
import { Trash2, X } from "lucide-react";
import { useTranslations } from "use-intl";
import { useFormatCount } from "@/lib/hooks/use-format-count";

/** Above the tree while rows are checked: how many, "Delete selected…" (writers only) and Clear. */
export function SelectionBar({ count, canDelete, onDelete, onClear }: { count: number; canDelete: boolean; onDelete: () => void; onClear: () => void }) {
  const t = useTranslations("tree");
  const formatCount = useFormatCount();
  return (
    <div role="toolbar" aria-label={t("selectionLabel")} className="flex items-center gap-2 border-b border-line bg-info-soft px-2 py-1.5 text-sm">
      <span role="status" className="min-w-0 flex-1 truncate font-medium">{t("selected", { count: formatCount(count) })}</span>
      {canDelete ? (
        <button type="button" onClick={onDelete} className="inline-flex shrink-0 items-center gap-1 rounded bg-danger-solid px-2 py-1 text-xs font-medium text-on-danger hover:bg-danger-solid-hover">
          <Trash2 aria-hidden="true" size={12} /> {t("deleteSelected")}
        </button>
      ) : null}
      <button
        type="button"
        onClick={onClear}
        title={t("clearSelectionTitle")}
        className="inline-flex shrink-0 items-center gap-1 rounded border border-line-strong px-2 py-1 text-xs hover:bg-hover"
      >
        <X aria-hidden="true" size={12} /> {t("clearSelection")}
      </button>
    </div>
  );
}
