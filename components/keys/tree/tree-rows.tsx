"use client";
import { File, Folder, FolderOpen, Timer } from "lucide-react";
import { memo, type CSSProperties, type MouseEvent } from "react";
import { useKindWords } from "@/components/errors/use-error-words";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { useTranslations } from "use-intl";
import type { NodeRow, StatusRow } from "@/lib/tree/flatten";
import { formatCount, formatTtl } from "@/lib/tree/format";

/** Fixed: the virtualizer computes every offset from it. */
export const ROW_HEIGHT = 28;
/** Left padding per level of depth. */
const INDENT = 16;
const NO_OP = () => undefined;

/** A row's left padding at its depth. */
export const indentOf = (depth: number) => 8 + (depth - 1) * INDENT;

interface TreeItemRowProps {
  row: NodeRow;
  style: CSSProperties;
  selected: boolean;
  /** In the multi-selection (its checkbox is checked). */
  checked: boolean;
  tabbable: boolean;
  /** Index of a live change of this row in the last moments: the row flashes. */
  flashIndex: number | undefined;
  onClick: (row: NodeRow, event: MouseEvent) => void;
  /** The checkbox was clicked; `range` with Shift. */
  onCheck: (row: NodeRow, range: boolean) => void;
  onFocus: (key: string) => void;
}

/** A key or directory: a WAI-ARIA treeitem, checkable (aria-checked), with its TTL and child count. */
export const TreeItemRow = memo(function TreeItemRow({ row, style, selected, checked, tabbable, flashIndex, onClick, onCheck, onFocus }: TreeItemRowProps) {
  const Icon = row.isDir ? (row.isOpen ? FolderOpen : Folder) : File;
  return (
    <div
      role="treeitem"
      aria-label={row.name}
      aria-level={row.depth}
      aria-expanded={row.isDir ? row.isOpen : undefined}
      aria-selected={selected}
      aria-checked={checked}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      tabIndex={tabbable ? 0 : -1}
      data-key={row.key}
      data-changed-index={flashIndex}
      title={row.key}
      onClick={(e) => onClick(row, e)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocus(row.key);
      }}
      style={{ ...style, paddingLeft: indentOf(row.depth) }}
      className={`flex cursor-pointer select-none items-center gap-1.5 pr-2 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500 ${
        selected ? "bg-blue-100 text-blue-950 dark:bg-blue-950 dark:text-blue-50" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
      }`}
    >
      {/* Keyed by the change's index: a new change restarts the fade. */}
      {flashIndex !== undefined && <span key={flashIndex} aria-hidden="true" className="live-flash pointer-events-none absolute inset-0" />}
      <input
        type="checkbox"
        aria-label={`Select ${row.key}`}
        tabIndex={-1}
        checked={checked}
        onChange={NO_OP}
        // Focus stays on the row (the tree's one tab stop); the click must neither open the row nor navigate.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          onCheck(row, e.shiftKey);
        }}
        className="relative size-3.5 shrink-0 cursor-pointer accent-blue-600"
      />
      <Icon aria-hidden="true" size={14} className={`shrink-0 ${row.isDir ? "text-amber-600 dark:text-amber-400" : "text-zinc-500"}`} />
      <span className="min-w-0 flex-1 truncate whitespace-pre">{row.name}</span>
      {row.ttl !== undefined && (
        <span
          className="flex shrink-0 items-center gap-0.5 rounded bg-amber-100 px-1 text-[11px] text-amber-900 dark:bg-amber-900 dark:text-amber-100"
          title={row.expiration ? `Expires ${row.expiration}` : undefined}
        >
          <Timer aria-hidden="true" size={11} />
          {`TTL ${formatTtl(row.ttl)}`}
        </span>
      )}
      {row.childCount !== undefined && (
        <span className="shrink-0 rounded bg-zinc-100 px-1 text-[11px] tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" title={`${row.childCount} children`}>
          {formatCount(row.childCount)}
        </span>
      )}
    </div>
  );
});

/** A directory's "Loading …" placeholder, or why it could not be listed with a Retry. */
export const StatusItemRow = memo(function StatusItemRow({ row, style, onRetry }: { row: StatusRow; style: CSSProperties; onRetry: (dir: string) => void }) {
  const padded = { ...style, paddingLeft: indentOf(row.depth) };
  if (row.kind === "loading") {
    return (
      <div role="none" style={padded} className="flex items-center pr-2">
        <DirectoryLoading dir={row.dir} />
      </div>
    );
  }
  return (
    <div role="none" style={padded} className="flex items-center gap-2 pr-2 text-xs">
      <TreeErrorText row={row} />
      <button type="button" onClick={() => onRetry(row.dir)} className="shrink-0 rounded border border-zinc-300 px-1.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Retry
      </button>
    </div>
  );
});

/** Why a directory could not be listed: a shared failure in its shared title (the banner explains it), else the API's words. */
function TreeErrorText({ row }: { row: StatusRow }) {
  const wordsOf = useKindWords();
  const text = row.errorKind ? wordsOf(row.errorKind).title : `Could not load ${row.dir}: ${row.message}`;
  return (
    <span role="alert" className="min-w-0 flex-1 truncate text-danger" title={row.message}>
      {text}
    </span>
  );
}

/** One grey row in place of a directory's children while they load. */
function DirectoryLoading({ dir }: { dir: string }) {
  const t = useTranslations("errors.loading");
  return <SkeletonRows label={t("directory", { dir })} rows={1} className="flex-1" />;
}
