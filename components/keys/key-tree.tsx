"use client";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MouseEvent } from "react";
import { useTranslations } from "use-intl";
import { useAccess } from "@/lib/hooks/use-access";
import { useRevalidateKeys } from "@/lib/hooks/use-key";
import { useListings } from "@/lib/hooks/use-listings";
import { useRowFlashes } from "@/lib/hooks/use-row-flashes";
import { useReleaseIdleListings, useTreeState, useTreeStore } from "@/lib/hooks/use-tree-store";
import { parentOf } from "@/lib/key-path";
import { flattenTree, isOpen, rowIndexOf, type NodeRow } from "@/lib/tree/flatten";
import { dirsToRead } from "@/lib/tree/listings";
import { dirsInUse } from "@/lib/tree/release";
import type { TreeSeed } from "@/lib/tree/seed";
import { filterTextFor, isListedDir } from "@/lib/tree/tree-state";
import { useTreeActions } from "./tree-actions";
import { preloadTreeMenu } from "./tree-menu";
import { focusWhenRendered } from "./tree/tree-focus";
import { StatusItemRow, TreeItemRow, VirtualTreeRows } from "./tree/tree-rows";
import { TreeToolbar } from "./tree/tree-toolbar";
import { useSelectionCommands } from "./tree/use-selection-commands";
import { useTreeContextMenu } from "./tree/use-tree-context-menu";
import { treeKeyDownHandler } from "./tree/tree-keyboard";
import { useFocusKeptOnRemoval } from "./tree/use-focus-kept";
import { useTreeScroll } from "./tree/use-tree-scroll";

export interface KeyTreeProps {
  cluster: string;
  selectedKey: string;
  onSelect: (key: string) => void;
  /** First screens of listings read on the server (lib/tree/seed.ts): shown until the browser reads them. */
  seed?: TreeSeed | null;
}

/**
 * The key tree: lazily loaded (one sorted listing per opened directory, read through the same SWR keys
 * as the rest of the app, so revalidating `keySwrKey(cluster, dir)` refreshes it), virtualized, and
 * keyboard-operable as a WAI-ARIA tree. The selection is the URL: `selectedKey` in, `onSelect` out. What it
 * holds (open directories, listings, focus, filter, checked rows) is the cluster's tree store
 * (lib/tree/store.ts), which outlives the tree: every navigation mounts a new one.
 */
export function KeyTree(props: KeyTreeProps) {
  // Another cluster is another tree: start over rather than mix listings.
  return <KeyTreeView key={props.cluster} {...props} />;
}

function KeyTreeView({ cluster, selectedKey, onSelect, seed }: KeyTreeProps) {
  const t = useTranslations("tree");
  const store = useTreeStore(cluster, selectedKey, seed);
  const open = useTreeState(store, (s) => s.open);
  const listings = useTreeState(store, (s) => s.listings);
  const focusedKey = useTreeState(store, (s) => s.focusedKey) ?? selectedKey;
  const checked = useTreeState(store, (s) => s.selection);
  // The filter applies to the selected directory's children, or to the selected key's siblings.
  const filterDir = isListedDir(listings, selectedKey) ? selectedKey : parentOf(selectedKey);
  const filterText = useTreeState(store, (s) => filterTextFor(s, filterDir));
  const scrollRef = useRef<HTMLDivElement>(null);
  const revalidateKeys = useRevalidateKeys();
  const flashes = useRowFlashes();

  // A new selection (a click, a deep link, back / forward): its ancestors open and focus moves there. Another
  // directory filtered: the old text no longer applies (it already shows as none).
  useLayoutEffect(() => store.showSelection(selectedKey), [store, selectedKey]);
  useLayoutEffect(() => store.setFilter(filterDir, filterTextFor(store.getState(), filterDir)), [store, filterDir]);

  const { rows, openDirs, listedDirs } = useMemo(
    () => flattenTree({ listings, open, filter: filterText ? { dir: filterDir, text: filterText } : null }),
    [listings, open, filterDir, filterText],
  );

  const readDirs = useMemo(() => dirsToRead(openDirs, listedDirs, open, selectedKey), [openDirs, listedDirs, open, selectedKey]);
  useListings(store, cluster, readDirs);

  const focusedIndex = rowIndexOf(rows, focusedKey);
  const selectedIndex = rowIndexOf(rows, selectedKey);
  const tabStopIndex = focusedIndex >= 0 ? focusedIndex : selectedIndex >= 0 ? selectedIndex : rows.findIndex((r) => r.kind === "node");
  const tabStopKey = rows[tabStopIndex]?.key;
  const virtualizer = useTreeScroll(store, scrollRef, rows, focusedIndex, selectedKey);

  // Listings nobody uses for a while are let go: the open directories, the selection's way and the rows on screen are in use.
  useReleaseIdleListings(store, cluster, () => dirsInUse(openDirs, selectedKey, virtualizer.getVirtualItems().flatMap((item) => rows[item.index] ?? [])));

  /** Moves focus to a row: scroll the virtualizer there, then focus the element once it is rendered. */
  const focusRow = useCallback(
    (key: string, index: number) => {
      store.focus(key);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
      focusWhenRendered(scrollRef, key);
    },
    [store, virtualizer],
  );

  useFocusKeptOnRemoval(scrollRef, rows, focusedIndex, focusRow);

  // A navigation remounted the tree while one of its rows had focus: focus that row again.
  useEffect(() => {
    if (store.view.hasFocus) focusWhenRendered(scrollRef, store.getState().focusedKey ?? selectedKey);
    // Only on mount: later focus moves are the keyboard's and the mouse's.
  }, [store]);

  /** Selects a key: a new URL (the current one again would only reload the page). */
  const select = useCallback((key: string) => key !== selectedKey && onSelect(key), [onSelect, selectedKey]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const checkRow = useCallback((row: NodeRow, range: boolean) => store.check(row, range, rowsRef.current), [store]);

  const onRowClick = useCallback(
    (row: NodeRow, event: MouseEvent) => {
      store.focus(row.key);
      // Shift-click checks a range, Ctrl/Cmd-click checks or unchecks one row: neither opens it.
      if (event.shiftKey || event.ctrlKey || event.metaKey) return checkRow(row, event.shiftKey);
      if (row.isDir) store.setOpen(row.key, !row.isOpen);
      select(row.key);
    },
    [store, select, checkRow],
  );
  const onRowCheck = useCallback(
    (row: NodeRow, range: boolean) => {
      store.focus(row.key);
      focusWhenRendered(scrollRef, row.key);
      checkRow(row, range);
    },
    [store, checkRow],
  );
  /** Opens a row as the menu's Open does: a directory shows its children, and the row the panel. */
  const openRow = useCallback(
    (row: NodeRow) => {
      store.focus(row.key);
      if (row.isDir) store.setOpen(row.key, true);
      select(row.key);
    },
    [store, select],
  );

  const { canWrite } = useAccess(cluster);
  const isChecked = useCallback((key: string) => store.getState().selection.has(key), [store]);
  const toggleChecked = useCallback((row: NodeRow) => checkRow(row, false), [checkRow]);
  const actions = useTreeActions({ cluster, canWrite, selectedKey, navigate: onSelect, openRow, isChecked, toggleChecked });
  const menu = useTreeContextMenu(rows, scrollRef, actions.itemsFor, store.focus);
  const selection = useSelectionCommands({ store, cluster, checked, canWrite, selectedKey, onSelect });
  const onKeyDown = treeKeyDownHandler(rows, {
    checkRow,
    openMenu: menu.openMenu,
    clearChecked: store.clearChecks,
    checkedCount: checked.size,
    focusRow,
    setDirOpen: store.setOpen,
    select,
  });
  const retry = useCallback((dir: string) => void revalidateKeys(cluster, dir), [revalidateKeys, cluster]);

  const onFilterChange = (text: string) => {
    store.setFilter(filterDir, text);
    // Filtering a closed directory's children opens it: the matches are what the filter is for.
    if (text && !isOpen(open, filterDir)) store.setOpen(filterDir, true);
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <TreeToolbar
        cluster={cluster}
        onGo={select}
        filterDir={filterDir}
        filterListing={listings.get(filterDir)}
        filterText={filterText}
        onFilterChange={onFilterChange}
        onRefresh={() => void revalidateKeys(cluster, ...readDirs)}
      />
      {selection.bar}
      {/* The rows are checkable (the multi-selection), and that is conveyed as aria-checked on each treeitem,
          where the keyboard focus is: Space toggles it. aria-selected stays the single row open in the panel
          (the URL), so the tree is not aria-multiselectable. The checkbox in each row is for the pointer (not a
          tab stop: the tree keeps one, the roving row), named "Select <key>", shown on the hovered or focused row
          or on every row once one is checked. */}
      <div
        ref={scrollRef}
        role="tree"
        aria-label={t("label")}
        onKeyDown={onKeyDown}
        onContextMenu={menu.onContextMenu}
        onPointerDown={preloadTreeMenu}
        onScroll={(e) => {
          store.view.scrollTop = e.currentTarget.scrollTop;
        }}
        onFocus={() => {
          store.view.hasFocus = true;
          preloadTreeMenu();
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) store.view.hasFocus = false;
        }}
        className="min-h-0 flex-1 overflow-auto py-1 text-sm">
        <VirtualTreeRows
          virtualizer={virtualizer}
          rows={rows}
          render={(row, style) =>
            row.kind === "node" ? (
              <TreeItemRow
                key={row.key}
                row={row}
                style={style}
                selected={row.key === selectedKey}
                checked={checked.has(row.key)}
                checkboxesShown={checked.size > 0}
                highlight={filterText && parentOf(row.key) === filterDir ? filterText : undefined}
                tabbable={row.key === tabStopKey}
                flashIndex={flashes.get(row.key)}
                onClick={onRowClick}
                onCheck={onRowCheck}
                onFocus={store.focus}
              />
            ) : (
              <StatusItemRow key={row.key} row={row} style={style} onRetry={retry} />
            )
          }
        />
      </div>
      {menu.menu}
      {actions.dialogs}
      {selection.dialog}
    </div>
  );
}
