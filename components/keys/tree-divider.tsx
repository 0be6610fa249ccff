"use client";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { TREE_WIDTH, clampTreeWidth, storeTreeWidth, storedTreeWidth, treeWidthAfterKey } from "@/lib/layout/tree-width";

/**
 * The tree's share of the key browser (percent), starting from the default and then the remembered choice
 * (read after mount: the server cannot know it). `set` remembers each new width.
 */
export function useTreeWidth(): [number, (percent: number) => void] {
  const [width, setWidth] = useState<number>(TREE_WIDTH.default);
  useEffect(() => setWidth(storedTreeWidth()), []);
  const set = (percent: number) => {
    const next = clampTreeWidth(percent);
    setWidth(next);
    storeTreeWidth(next);
  };
  return [width, set];
}

/**
 * The divider between the tree and the key panel (desktop widths): a focusable WAI-ARIA window splitter.
 * Dragged with the pointer, or moved with the arrow keys (Shift and Page Up / Down for bigger steps, Home and
 * End to the limits).
 */
export function TreeDivider({ width, onWidth, container }: { width: number; onWidth: (percent: number) => void; container: RefObject<HTMLElement | null> }) {
  const t = useTranslations("keys");
  const dragging = useRef(false);
  const percentAt = (clientX: number) => {
    const box = container.current?.getBoundingClientRect();
    return box && box.width > 0 ? ((clientX - box.left) / box.width) * 100 : width;
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t("resizeTree")}
      aria-valuenow={width}
      aria-valuemin={TREE_WIDTH.min}
      aria-valuemax={TREE_WIDTH.max}
      aria-valuetext={t("treeWidth", { percent: width })}
      tabIndex={0}
      onKeyDown={(event) => {
        const next = treeWidthAfterKey(width, event.key, event.shiftKey);
        if (next === null) return;
        event.preventDefault();
        onWidth(next);
      }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault(); // no text selection while dragging
        event.currentTarget.setPointerCapture(event.pointerId);
        dragging.current = true;
      }}
      onPointerMove={(event) => {
        if (dragging.current) onWidth(percentAt(event.clientX));
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
      // A wide hit area around a 1 px line; the line turns the focus colour while focused or hovered.
      className="group relative hidden w-2 shrink-0 cursor-col-resize touch-none select-none focus-visible:outline-none lg:block"
    >
      <span aria-hidden className="absolute inset-y-0 left-1/2 w-px -translate-x-1/2 bg-line group-hover:w-0.5 group-hover:bg-focus group-focus-visible:w-0.5 group-focus-visible:bg-focus" />
    </div>
  );
}
