"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { File, Folder } from "lucide-react";
import { memo, useMemo, useRef } from "react";
import { useTranslations } from "use-intl";
import type { V2Node } from "@/lib/etcd/wire";
import { baseNameOf } from "@/lib/key-path";
import { filterSpan, matchesFilter } from "@/lib/tree/filter";
import { TtlBadge } from "./tree/ttl-badge";
import { HighlightedText } from "./highlighted-text";
import { FilterEmpty } from "./tree/filter-empty";
import { listKeyDownHandler } from "./tree/tree-focus";

const ROW = 32;
/** Characters of a value's first line shown: the cell truncates the rest visually. */
const PREVIEW = 200;
/** Name, value, TTL, modified index; below a narrow container only name and TTL. */
const COLUMNS = "grid grid-cols-[minmax(6rem,1fr)_5rem] gap-3 @xl:grid-cols-[minmax(8rem,2fr)_minmax(0,3fr)_5rem_6rem]";

/** A value's first line, cut short, as plain text. */
function previewOf(value: string | undefined): string {
  if (!value) return "";
  const line = value.split("\n", 1)[0]!;
  return line.length > PREVIEW ? `${line.slice(0, PREVIEW)}…` : line;
}

interface DirectoryChildrenProps {
  /** Every child, in etcd's order: the directory's listing as the tree read it. */
  items: readonly V2Node[];
  /** The tree's filter text for this directory (the same state, the same rule). */
  filterText: string;
  onClearFilter: () => void;
  onOpen: (key: string) => void;
}

/**
 * A directory's children as a virtualized table (a directory of 100,000 renders the rows in view only): name,
 * the value's first line, TTL and modified index; a row opens its child. Up / down move between rows.
 */
export function DirectoryChildren({ items, filterText, onClearFilter, onOpen }: DirectoryChildrenProps) {
  const t = useTranslations("directory");
  const shown = useMemo(() => (filterText ? items.filter((c) => matchesFilter(baseNameOf(c.key), filterText)) : items), [items, filterText]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });

  if (filterText && shown.length === 0 && items.length > 0) return <FilterEmpty text={filterText} onClear={onClearFilter} />;
  if (items.length === 0) return null;

  const onKeyDown = listKeyDownHandler(virtualizer, scrollRef, shown.length, (i) => shown[i]?.key);

  return (
    <div role="table" aria-label={t("childrenLabel")} aria-rowcount={shown.length + 1} className="@container rounded-md border border-line text-sm">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${COLUMNS} border-b border-line bg-subtle px-3 py-1.5 text-xs font-medium text-muted`}>
          <span role="columnheader">{t("columnName")}</span>
          <span role="columnheader" className="hidden @xl:block">{t("columnValue")}</span>
          <span role="columnheader">{t("columnTtl")}</span>
          <span role="columnheader" className="hidden text-right @xl:block">{t("columnModified")}</span>
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" onKeyDown={onKeyDown} className="max-h-[60vh] overflow-auto">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const child = shown[item.index]!;
            return (
              <ChildRow
                key={child.key}
                child={child}
                index={item.index}
                top={item.start}
                highlight={filterText}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const ChildRow = memo(function ChildRow({ child, index, top, highlight, onOpen }: { child: V2Node; index: number; top: number; highlight: string; onOpen: (key: string) => void }) {
  const name = baseNameOf(child.key);
  const Icon = child.dir ? Folder : File;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      onClick={() => onOpen(child.key)}
      style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${top}px)` }}
      className={`${COLUMNS} cursor-pointer items-center border-b border-line px-3 hover:bg-hover`}
    >
      <span role="cell" className="flex min-w-0 items-center gap-2">
        <Icon aria-hidden size={14} className="shrink-0 text-muted" />
        <button
          type="button"
          data-key={child.key}
          data-index={index}
          title={child.key}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(child.key);
          }}
          className="min-w-0 truncate whitespace-pre text-left font-mono focus-visible:outline-2 focus-visible:outline-focus"
        >
          <HighlightedText text={name} span={highlight ? filterSpan(name, highlight) : undefined} />
        </button>
      </span>
      <span role="cell" className="hidden min-w-0 truncate whitespace-pre font-mono text-muted @xl:block">
        {child.dir ? "" : previewOf(child.value)}
      </span>
      <span role="cell" className="tabular-nums text-muted">
        {child.expiration !== undefined ? <TtlBadge expiration={child.expiration} /> : "–"}
      </span>
      <span role="cell" className="hidden text-right font-mono tabular-nums text-muted @xl:block">
        {child.modifiedIndex ?? "–"}
      </span>
    </div>
  );
});
