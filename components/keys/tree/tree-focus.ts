"use client";
// Focus inside the virtualized tree: a row may not be rendered yet when it is to take focus (scrolled away,
// or the tree just mounted), so focus waits for it a few frames.
import type { Virtualizer } from "@tanstack/react-virtual";
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
