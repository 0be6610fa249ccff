"use client";
import { useEffect, useRef, type RefObject } from "react";
import type { TreeRow } from "@/lib/tree/flatten";

/**
 * The tree is live: another client can delete the row that has the keyboard focus. Its element goes, the focus
 * falls to the page, and the keyboard would lose its place (arrows and End do nothing until the user clicks back
 * in). Then the row now at its place (the next one, or the new last row) takes the focus. Only when the focus was
 * in the tree and nothing else took it: a click elsewhere or a Tab out is left alone.
 */
export function useFocusKeptOnRemoval(
  tree: RefObject<HTMLElement | null>,
  rows: readonly TreeRow[],
  focusedIndex: number,
  focusRow: (key: string, index: number) => void,
): void {
  const lastIndex = useRef(focusedIndex);
  const inTree = useRef(false);

  useEffect(() => {
    const element = tree.current;
    if (!element) return;
    const focusIn = () => void (inTree.current = true);
    // A removed element's blur has no relatedTarget: only a move to another element (or a click on the page,
    // which focuses the body) means the user left.
    const focusOut = (event: FocusEvent) => {
      if (event.relatedTarget && !element.contains(event.relatedTarget as Node)) inTree.current = false;
    };
    const pointerDownOutside = (event: PointerEvent) => {
      if (!element.contains(event.target as Node)) inTree.current = false;
    };
    element.addEventListener("focusin", focusIn);
    element.addEventListener("focusout", focusOut);
    document.addEventListener("pointerdown", pointerDownOutside);
    return () => {
      element.removeEventListener("focusin", focusIn);
      element.removeEventListener("focusout", focusOut);
      document.removeEventListener("pointerdown", pointerDownOutside);
    };
  }, [tree]);

  useEffect(() => {
    if (focusedIndex >= 0) {
      lastIndex.current = focusedIndex;
      return;
    }
    const active = document.activeElement;
    if (!inTree.current || (active && active !== document.body)) return;
    for (let i = Math.min(lastIndex.current, rows.length - 1); i >= 0; i--) {
      const row = rows[i];
      if (row?.kind === "node") return focusRow(row.key, i);
    }
  }, [focusedIndex, rows, focusRow]);
}
