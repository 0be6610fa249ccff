"use client";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { rowIndexOf, type TreeRow } from "@/lib/tree/flatten";
import { FIRST_SCREEN_HEIGHT } from "@/lib/tree/seed";
import { rowInView } from "./tree-focus";
import { ROW_HEIGHT } from "./tree-rows";

/**
 * The tree's virtualizer: only the rows in view (and the focused one, so focus is never dropped) are
 * rendered; a new tree starts where the previous one was scrolled to, and a new selection is scrolled into
 * view once its row exists (its ancestors' listings may still be loading).
 */
export function useTreeScroll(store: { view: { scrollTop: number } }, scrollRef: RefObject<HTMLDivElement | null>, rows: readonly TreeRow[], focusedIndex: number, selectedKey: string) {
  const focusedIndexRef = useRef(focusedIndex);
  focusedIndexRef.current = focusedIndex;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndexRef.current;
    if (focused >= 0 && focused < range.count && !indexes.includes(focused)) {
      indexes.push(focused);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  const virtualizer = useVirtualizer({
    initialOffset: store.view.scrollTop,
    // Rows before the tree is measured: the server renders them too (a seeded first screen), and the
    // browser's first render must be the same.
    initialRect: { width: 0, height: FIRST_SCREEN_HEIGHT },
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 10,
    rangeExtractor,
  });

  const pendingScroll = useRef<string | null>(null);
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (scrolledFor.current !== selectedKey) {
      scrolledFor.current = selectedKey;
      pendingScroll.current = selectedKey;
    }
    const target = pendingScroll.current;
    if (target === null) return;
    const index = rowIndexOf(rows, target);
    if (index < 0) return;
    pendingScroll.current = null;
    // Already in view (a deep link's row near the top): scrolling would only force a layout.
    if (!rowInView(virtualizer, index)) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [rows, selectedKey, virtualizer]);

  // Back where the previous tree was scrolled to, before the first paint (a new tree is at the top).
  useLayoutEffect(() => {
    if (scrollRef.current && store.view.scrollTop !== 0) scrollRef.current.scrollTop = store.view.scrollTop;
  }, [store, scrollRef]);

  return virtualizer;
}
