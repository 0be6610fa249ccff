"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { File, Folder } from "lucide-react";
import { useId, useRef } from "react";
import { useTranslations } from "use-intl";
import type { SearchMatch } from "@/lib/search/query";
import { HighlightedText } from "./highlighted-text";
import { listKeyDownHandler } from "./tree/tree-focus";

const ROW_HEIGHT = 52;

interface SearchResultListProps {
  matches: readonly SearchMatch[];
  count: number;
  dirKey: string;
  onOpen: (key: string) => void;
  /** The result open beside the list, marked (aria-current). */
  currentKey?: string;
  className: string;
}

/** Search results, virtualized (10,000 of them); each opens its key; up / down, Home / End move between them. */
export function SearchResultList({ matches, count, dirKey, onOpen, currentKey, className }: SearchResultListProps) {
  const t = useTranslations("search");
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const prefix = dirKey === "/" ? 1 : dirKey.length + 1;
  const onKeyDown = listKeyDownHandler(virtualizer, scrollRef, count, (i) => matches[i]?.key);
  return (
    <div ref={scrollRef} onKeyDown={onKeyDown} className={`overflow-auto rounded-md border border-line ${className}`}>
      <ul aria-label={t("resultsLabel")} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const match = matches[item.index]!;
          return (
            <li key={item.key} className="absolute left-0 top-0 w-full" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              <ResultRow match={match} index={item.index} path={match.key.slice(prefix)} current={match.key === currentKey} onOpen={onOpen} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ResultRow({ match, index, path, current, onOpen }: { match: SearchMatch; index: number; path: string; current: boolean; onOpen: (key: string) => void }) {
  const Icon = match.dir ? Folder : File;
  const excerptId = `${useId()}-excerpt`;
  return (
    <button
      type="button"
      // Named by its whole key (the row shows it relative to the searched directory, which the name contains);
      // the value excerpt is its description, not its name (e2e/a11y/axe.ts accepts axe's finding on that).
      aria-label={match.key}
      aria-describedby={match.value ? excerptId : undefined}
      aria-current={current ? "true" : undefined}
      data-key={match.key}
      data-index={index}
      title={match.key}
      onClick={() => onOpen(match.key)}
      className={`flex h-full w-full flex-col justify-center gap-0.5 border-b border-line px-3 text-left text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus ${
        current ? "border-l-4 border-l-accent bg-info-soft" : "hover:bg-hover"
      }`}
    >
      <span className="flex min-w-0 items-center gap-2">
        <Icon aria-hidden size={14} className="shrink-0" />
        <span className="truncate font-mono">
          <HighlightedText text={path} span={match.name} />
        </span>
      </span>
      {match.value ? (
        <span id={excerptId} className="truncate whitespace-pre pl-6 font-mono text-xs text-muted">
          {match.value.cut.before ? "…" : ""}
          <HighlightedText text={match.value.text} span={match.value.match} />
          {match.value.cut.after ? "…" : ""}
        </span>
      ) : null}
    </button>
  );
}
