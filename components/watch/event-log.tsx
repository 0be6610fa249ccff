"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useRef, useState } from "react";
import type { LogEntry } from "@/lib/watch-page/log";
import { EventDetailsDialog } from "./event-details-dialog";
import { EventRow } from "./event-row";

/** Fixed: the virtualizer computes every offset from it (two lines of text per row). */
const ROW_HEIGHT = 48;

export interface EventLogProps {
  /** Oldest first, as kept; shown newest first. */
  entries: readonly LogEntry[];
  /** The list's accessible name. */
  label: string;
  emptyText: string;
}

/**
 * The log, newest first, virtualized: a panel can hold 10,000 rows and only the visible ones (plus a
 * few) are in the DOM. A list of list items, with each row's position for assistive technology.
 * Memoized: the stream's state changes with every event, the log only with each batch.
 */
export const EventLog = memo(function EventLog({ entries, label, emptyText }: EventLogProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = entries.length;
  const at = (row: number) => entries[count - 1 - row];
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (row) => at(row)?.seq ?? row,
    overscan: 8,
  });
  const [details, setDetails] = useState<Extract<LogEntry, { kind: "event" }> | null>(null);
  const openDetails = useCallback((entry: LogEntry) => {
    if (entry.kind === "event") setDetails(entry);
  }, []);

  return (
    <>
      <div className="relative h-96 border-t border-line">
        {count === 0 ? <p className="pointer-events-none absolute inset-x-0 top-0 p-3 text-sm text-muted">{emptyText}</p> : null}
        {/* The scrolling element is the list, so it is named and reachable by keyboard for scrolling. */}
        <div ref={scrollRef} role="list" tabIndex={0} aria-label={label} className="h-full overflow-auto">
          <div role="presentation" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = at(item.index);
              if (!entry) return null;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  aria-setsize={count}
                  aria-posinset={item.index + 1}
                  className="absolute left-0 top-0 w-full border-b border-line"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <EventRow entry={entry} onDetails={openDetails} />
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <EventDetailsDialog entry={details} onClose={() => setDetails(null)} />
    </>
  );
});
