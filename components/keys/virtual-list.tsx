"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type ReactNode } from "react";

const ROW = 26;

/** A list that renders only the rows in view (a selection, or a report, can be 100,000 keys long). */
export function VirtualList<T extends { key: string }>({ label, items, render, nameOf, tall }: { label: string; items: readonly T[]; render: (item: T) => ReactNode; nameOf: (item: T) => string; tall?: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 8 });
  const height = Math.min(items.length * ROW, tall ? 320 : 208);
  return (
    <div ref={scrollRef} role="list" aria-label={label} style={{ height }} className="overflow-auto rounded-md border border-line">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-label={nameOf(item)}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${row.start}px)` }}
              className="flex items-center gap-2 px-2"
            >
              {render(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
