"use client";
import type { LucideIcon } from "lucide-react";
import dynamic from "next/dynamic";

/** One entry of a tree row's menu (components/keys/tree-actions.tsx builds them). */
export interface TreeMenuItem {
  /** Unique in the menu. */
  id: string;
  label: string;
  icon?: LucideIcon;
  onSelect: () => void;
  /** Destructive: shown in red. */
  danger?: boolean;
  disabled?: boolean;
  /** A separator line above it (starts a new group). */
  separatorBefore?: boolean;
}

export interface TreeMenuProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where the menu opens, in viewport pixels (the pointer, or below the focused row). */
  at: { x: number; y: number };
  /** The menu's accessible name, e.g. "Actions for /a/b". */
  label: string;
  items: readonly TreeMenuItem[];
  /** Opened with the ContextMenu key or Shift+F10: the first item gets the focus. */
  fromKeyboard?: boolean;
  /** Called as the menu closes: focus goes back to the row it was opened on. */
  onCloseFocus?: () => void;
}

// Radix's menu (with its positioning) loads when a menu first opens, as the dialogs do: the keys page's
// first load carries none of it. `preloadTreeMenu` starts the load early (the tree got focus or a pointer).
const load = () => import("./tree-menu-view").then((m) => m.TreeMenuView);
const TreeMenuView = dynamic(load, { ssr: false });

let preloaded = false;
export function preloadTreeMenu(): void {
  if (preloaded) return;
  preloaded = true;
  void load().catch(() => {
    preloaded = false;
  });
}

/** A tree row's context menu (role=menu); nothing while closed. */
export function TreeMenu(props: TreeMenuProps) {
  return props.open ? <TreeMenuView {...props} /> : null;
}
