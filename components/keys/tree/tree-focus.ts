"use client";
// Focus inside the virtualized tree: a row may not be rendered yet when it is to take focus (scrolled away,
// or the tree just mounted), so focus waits for it a few frames.
import type { Virtualizer } from "@tanstack/react-virtual";
import type { KeyboardEvent } from "react";
import { listKeyTarget } from "@/lib/tree/list-keys";
import { ROW_HEIGHT } from "./tree-rows";

export type RowContainer = { current: HTMLElement | null };

/**
 * Focuses a row once the virtualizer has rendered it (after a scroll or a remount), for a few frames at most.
 * `selector`: the focusable elements carrying `data-key` (the tree's rows; a table's buttons).
 */
export function focusWhenRendered(container: RowContainer, key: string, selector = '[role="treeitem"]') {
  let frames = 0;
  const attempt = () => {
    const element = findRowElement(container.current, key, selector);
    if (element) element.focus({ preventScroll: true });
    else if (frames++ < 60) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

function findRowElement(container: HTMLElement | null, key: string, selector: string): HTMLElement | undefined {
  if (!container) return undefined;
  for (const element of container.querySelectorAll<HTMLElement>(selector)) if (element.dataset.key === key) return element;
  return undefined;
}

/** Whether row `index` is wholly inside the tree's viewport, from what the virtualizer has measured (no layout read). */
export function rowInView(virtualizer: Virtualizer<HTMLDivElement, Element>, index: number): boolean {
  const height = virtualizer.scrollRect?.height;
  const offset = virtualizer.scrollOffset;
  if (!height || offset === null) return false;
  const top = index * ROW_HEIGHT;
  return top >= offset && top + ROW_HEIGHT <= offset + height;
}

/**
 * The keydown handler of a virtualized flat list whose rows hold a focusable element with `data-key` and
 * `data-index` (the directory's table, search results): up / down, Home / End move the focus between them.
 */
export function listKeyDownHandler(virtualizer: Virtualizer<HTMLDivElement, Element>, container: RowContainer, count: number, keyAt: (index: number) => string | undefined) {
  return (event: KeyboardEvent) => {
    const index = Number((event.target as HTMLElement).dataset.index);
    if (Number.isNaN(index)) return;
    const next = listKeyTarget(event.key, index, count);
    const key = next < 0 ? undefined : keyAt(next);
    if (key === undefined) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: "auto" });
    focusWhenRendered(container, key, "button[data-key]");
  };
}
