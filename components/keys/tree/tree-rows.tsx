"use client";
import { File, Folder, FolderOpen } from "lucide-react";
import type { Virtualizer } from "@tanstack/react-virtual";
import { memo, type CSSProperties, type MouseEvent, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useKindWords } from "@/components/errors/use-error-words";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { useFormatCount } from "@/lib/hooks/use-format-count";
import { filterSpan } from "@/lib/tree/filter";
import type { NodeRow, StatusRow, TreeRow } from "@/lib/tree/flatten";
import { HighlightedText } from "../highlighted-text";
import { TtlBadge } from "./ttl-badge";

/** Fixed: the virtualizer computes every offset from it. */
export const ROW_HEIGHT = 28;
/** Left padding per level of depth. */
const INDENT = 16;
const NO_OP = () => undefined;

/** A row's left padding at its depth. */
export const indentOf = (depth: number) => 8 + (depth - 1) * INDENT;

/** The rows the virtualizer has in view, each placed at its offset with the fixed row height. */
export function VirtualTreeRows({ virtualizer, rows, render }: { virtualizer: Virtualizer<HTMLDivElement, Element>; rows: readonly TreeRow[]; render: (row: TreeRow, style: CSSProperties) => ReactNode }) {
  return (
    <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        return row ? render(row, { position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }) : null;
      })}
    </div>
  );
}

interface TreeItemRowProps {
  row: NodeRow;
  style: CSSProperties;
  selected: boolean;
  /** In the multi-selection (its checkbox is checked). */
  checked: boolean;
  /**
   * Checkboxes show on every row (a selection exists, so they are the state to see); otherwise only on the
   * hovered or focused row, and always on a touch screen (no hover there).
   */
  checkboxesShown: boolean;
  /** The filter's text when this row is one of the filtered children: the match is marked. */
  highlight: string | undefined;
  tabbable: boolean;
  /** Index of a live change of this row in the last moments: the row flashes. */
  flashIndex: number | undefined;
  onClick: (row: NodeRow, event: MouseEvent) => void;
  /** The checkbox was clicked; `range` with Shift. Without it the row has no checkbox (the v3 tree checks none). */
  onCheck?: (row: NodeRow, range: boolean) => void;
  onFocus: (key: string) => void;
}

/** A key or directory: a WAI-ARIA treeitem, checkable (aria-checked), with its TTL and child count. */
export const TreeItemRow = memo(function TreeItemRow({ row, style, selected, checked, checkboxesShown, highlight, tabbable, flashIndex, onClick, onCheck, onFocus }: TreeItemRowProps) {
  const t = useTranslations("tree");
  const formatCount = useFormatCount();
  const Icon = row.isDir ? (row.isOpen ? FolderOpen : Folder) : File;
  return (
    <div
      role="treeitem"
      aria-label={row.name}
      aria-level={row.depth}
      aria-expanded={row.isDir ? row.isOpen : undefined}
      aria-selected={selected}
      aria-checked={onCheck ? checked : undefined}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      tabIndex={tabbable ? 0 : -1}
      data-key={row.key}
      data-changed-index={flashIndex}
      title={row.title ?? row.key}
      onClick={(e) => onClick(row, e)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocus(row.key);
      }}
      style={{ ...style, paddingLeft: indentOf(row.depth) }}
      className={`group flex cursor-pointer select-none items-center gap-1.5 pr-2 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-focus ${
        selected ? "bg-info-soft text-fg" : "hover:bg-hover"
      }`}
    >
      {/* Keyed by the change's index: a new change restarts the fade. */}
      {flashIndex !== undefined && <span key={flashIndex} aria-hidden="true" className="live-flash pointer-events-none absolute inset-0" />}
      {onCheck && <input
        type="checkbox"
        aria-label={t("selectKey", { key: row.key })}
        tabIndex={-1}
        checked={checked}
        onChange={NO_OP}
        // Focus stays on the row (the tree's one tab stop); the click must neither open the row nor navigate.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          onCheck(row, e.shiftKey);
        }}
        // Hidden (visibility: out of the accessibility tree too) until wanted: the row's aria-checked and Space
        // are the keyboard's and the screen reader's way to check it.
        className={`relative size-3.5 shrink-0 cursor-pointer ${checkboxesShown ? "" : "invisible group-hover:visible group-focus:visible pointer-coarse:visible"}`}
      />}
      <Icon aria-hidden="true" size={14} className={`shrink-0 ${row.isDir ? "text-warning" : "text-muted"}`} />
      <span className={`min-w-0 flex-1 truncate whitespace-pre ${row.placeholderName ? "italic text-muted" : ""}`}>
        <HighlightedText text={row.name} span={highlight ? filterSpan(row.name, highlight) : undefined} />
      </span>
      {row.expiration !== undefined && <TtlBadge expiration={row.expiration} />}
      {row.childCount !== undefined && (
        <span className="shrink-0 rounded bg-subtle px-1 text-[11px] tabular-nums text-muted" title={t("childCount", { count: row.childCount })}>
          {formatCount(row.childCount)}
        </span>
      )}
    </div>
  );
});

/**
 * A directory's "Loading …" placeholder, or why it could not be listed with a Retry. A tree owns only treeitems
 * (and groups of them), so this row is one too, at its children's level: not a key (no data-key), so the
 * keyboard's roving focus and the row menu pass it by, while a screen reader meets it where the children would be.
 */
export const StatusItemRow = memo(function StatusItemRow({ row, style, onRetry }: { row: StatusRow; style: CSSProperties; onRetry: (dir: string) => void }) {
  const t = useTranslations("errors.banner");
  const padded = { ...style, paddingLeft: indentOf(row.depth) };
  if (row.kind === "loading") {
    return (
      <div role="treeitem" aria-level={row.depth} style={padded} className="flex items-center pr-2">
        <DirectoryLoading dir={row.dir} />
      </div>
    );
  }
  return (
    <div role="treeitem" aria-level={row.depth} style={padded} className="flex items-center gap-2 pr-2 text-xs">
      <TreeErrorText row={row} />
      <button type="button" onClick={() => onRetry(row.dir)} className="shrink-0 rounded border border-line-strong px-1.5 text-xs hover:bg-hover">
        {t("retry")}
      </button>
    </div>
  );
});

/** Why a directory could not be listed: a shared failure in its shared title (the banner explains it), else the API's words. */
function TreeErrorText({ row }: { row: StatusRow }) {
  const t = useTranslations("tree");
  const wordsOf = useKindWords();
  const text = row.errorKind ? wordsOf(row.errorKind).title : t("loadFailed", { dir: row.dir, message: row.message ?? "" });
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
