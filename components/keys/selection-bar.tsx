"use client";
import { Trash2, X } from "lucide-react";
import { formatCount } from "@/lib/tree/format";

/** Above the tree while rows are checked: how many, "Delete selected…" (writers only) and Clear. */
export function SelectionBar({ count, canDelete, onDelete, onClear }: { count: number; canDelete: boolean; onDelete: () => void; onClear: () => void }) {
  return (
    <div role="toolbar" aria-label="Selection" className="flex items-center gap-2 border-b border-zinc-200 bg-blue-50 px-2 py-1.5 text-sm dark:border-zinc-800 dark:bg-blue-950">
      <span role="status" className="min-w-0 flex-1 truncate font-medium">{`${formatCount(count)} selected`}</span>
      {canDelete ? (
        <button type="button" onClick={onDelete} className="inline-flex shrink-0 items-center gap-1 rounded bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-600">
          <Trash2 aria-hidden="true" size={12} /> Delete selected…
        </button>
      ) : null}
      <button
        type="button"
        onClick={onClear}
        title="Uncheck every row (Escape in the tree)"
        className="inline-flex shrink-0 items-center gap-1 rounded border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        <X aria-hidden="true" size={12} /> Clear selection
      </button>
    </div>
  );
}
