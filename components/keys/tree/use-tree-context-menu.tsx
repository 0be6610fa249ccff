"use client";
import { useState, type MouseEvent, type ReactNode, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { rowIndexOf, type NodeRow, type TreeRow } from "@/lib/tree/flatten";
import { TreeMenu, type TreeMenuItem } from "../tree-menu";
import { focusWhenRendered } from "./tree-focus";

interface OpenMenu {
  row: NodeRow;
  at: { x: number; y: number };
  fromKeyboard: boolean;
}

/**
 * A row's context menu: `onContextMenu` for the tree (a right-click on a row), `openMenu` for the keyboard
 * (ContextMenu, Shift+F10), and the menu to render, whose items `itemsFor` gives. Focus goes back to the row.
 */
export function useTreeContextMenu(rows: readonly TreeRow[], scrollRef: RefObject<HTMLDivElement | null>, itemsFor: (row: NodeRow) => TreeMenuItem[], onFocusRow: (key: string) => void) {
  const t = useTranslations("tree");
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const openMenu = (row: NodeRow, at: { x: number; y: number }, fromKeyboard = false) => {
    onFocusRow(row.key);
    setMenu({ row, at, fromKeyboard });
  };
  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const row = element ? rows[rowIndexOf(rows, element.dataset.key ?? "")] : undefined;
    if (!element || row?.kind !== "node") return;
    event.preventDefault();
    element.focus({ preventScroll: true });
    openMenu(row, { x: event.clientX, y: event.clientY });
  };
  const element: ReactNode = (
    <TreeMenu
      open={menu !== null}
      onOpenChange={(open) => (open ? undefined : setMenu(null))}
      at={menu?.at ?? { x: 0, y: 0 }}
      label={menu ? t("actionsFor", { key: menu.row.key }) : t("actions")}
      items={menu ? itemsFor(menu.row) : []}
      fromKeyboard={menu?.fromKeyboard}
      onCloseFocus={() => menu && focusWhenRendered(scrollRef, menu.row.key)}
    />
  );
  return { openMenu, onContextMenu, menu: element };
}
