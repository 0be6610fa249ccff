"use client";
import type { KeyboardEvent } from "react";
import { rowIndexOf, type NodeRow, type TreeRow } from "@/lib/tree/flatten";
import { treeKeyAction } from "@/lib/tree/keyboard";
import { indentOf } from "./tree-rows";

export interface TreeKeyHandlers {
  /** Space (Shift+Space: the range from the last one checked). */
  checkRow?: (row: NodeRow, range: boolean) => void;
  /** The ContextMenu key or Shift+F10, at the row's left edge. */
  openMenu?: (row: NodeRow, at: { x: number; y: number }, fromKeyboard: boolean) => void;
  /** Escape while rows are checked; `checkedCount` says whether any is. */
  clearChecked?: () => void;
  checkedCount?: number;
  focusRow: (key: string, index: number) => void;
  setDirOpen: (dir: string, open: boolean) => void;
  select: (key: string) => void;
}

/**
 * The tree's keydown handler: the WAI-ARIA tree keys (lib/tree/keyboard.ts), plus checking, the menu and Escape
 * where the tree has them (the v3 tree has neither checks nor a menu).
 */
export function treeKeyDownHandler(rows: readonly TreeRow[], handlers: TreeKeyHandlers) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute("role") !== "treeitem") return;
    const index = rowIndexOf(rows, target.dataset.key ?? "");
    if (index < 0) return;
    const focused = rows[index];
    if (focused?.kind === "node" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // Space checks the row (Shift+Space: the range from the last one), as in a checkable tree.
      if (event.key === " " && handlers.checkRow) {
        event.preventDefault();
        return handlers.checkRow(focused, event.shiftKey);
      }
      // The keyboard's way to the context menu.
      if (handlers.openMenu && (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey))) {
        event.preventDefault();
        const rect = target.getBoundingClientRect();
        return handlers.openMenu(focused, { x: rect.left + indentOf(focused.depth), y: rect.bottom }, true);
      }
      if (event.key === "Escape" && handlers.clearChecked && (handlers.checkedCount ?? 0) > 0) {
        event.preventDefault();
        return handlers.clearChecked();
      }
    }
    const action = treeKeyAction(rows, index, event.key);
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case "focus": {
        const row = rows[action.index];
        if (row) handlers.focusRow(row.key, action.index);
        return;
      }
      case "open":
        return handlers.setDirOpen(action.key, true);
      case "close":
        return handlers.setDirOpen(action.key, false);
      case "select":
        return handlers.select(action.key);
    }
  };
}
