"use client";
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from "@tanstack/react-virtual";
import { File, Folder, FolderOpen, RefreshCw, Timer } from "lucide-react";
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import dynamic from "next/dynamic";
import useSWR, { useSWRConfig } from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { KeyResponse } from "@/lib/api/types";
import { keySwrKey } from "@/lib/hooks/use-key";
import { useRowFlashes } from "@/lib/hooks/use-row-flashes";
import { ancestorsOf, parentOf } from "@/lib/key-path";
import { filterCount } from "@/lib/tree/filter";
import { ancestorsOpen, flattenTree, isOpen, openAncestors, openForLink, rowIndexOf, type ListingState, type NodeRow, type StatusRow } from "@/lib/tree/flatten";
import { formatCount, formatTtl } from "@/lib/tree/format";
import { withListing } from "@/lib/tree/listings";
import { FIRST_SCREEN_HEIGHT, withSeed, type TreeSeed } from "@/lib/tree/seed";
import { treeKeyAction } from "@/lib/tree/keyboard";
import { EMPTY_SELECTION, pruneVanished, selectRange, toggleSelected, type Selection } from "@/lib/tree/selection";
import { baseNameOf } from "@/lib/key-path";
import { useRegisterCommands, type Command } from "@/lib/commands/registry";
import { useAccess } from "@/lib/hooks/use-access";
import { GoToKey } from "./go-to-key";
import { LiveIndicator } from "./live-indicator";
import { SelectionBar } from "./selection-bar";
import { useTreeActions } from "./tree-actions";
import { preloadTreeMenu, TreeMenu } from "./tree-menu";


export interface KeyTreeProps {
  cluster: string;
  selectedKey: string;
  onSelect: (key: string) => void;
  /** First screens of listings read on the server (lib/tree/seed.ts): shown until the browser reads them. */
  seed?: TreeSeed | null;
}

/** Fixed: the virtualizer computes every offset from it. */
const ROW_HEIGHT = 28;
const INDENT = 16;
const NO_CHILDREN: never[] = [];
const NO_OP = () => undefined;
// The bulk delete dialog (its list, its stream reader, the request's schema) loads when it first opens.
const BulkDeleteDialog = dynamic(() => import("./bulk-delete-dialog").then((m) => m.BulkDeleteDialog), { ssr: false });

/**
 * The key tree: lazily loaded (one sorted listing per opened directory, read through the same SWR keys
 * as the rest of the app, so revalidating `keySwrKey(cluster, dir)` refreshes it), virtualized, and
 * keyboard-operable as a WAI-ARIA tree. The selection is the URL: `selectedKey` in, `onSelect` out.
 */
export function KeyTree(props: KeyTreeProps) {
  // Another cluster is another tree: start over rather than mix listings.
  return <KeyTreeView key={props.cluster} {...props} />;
}

/**
 * What the tree remembers across remounts: the keys page is a dynamic route, so Next mounts a new page
 * (and a new tree) for every selected key. Open directories, loaded listings, the filter, the scroll
 * position and focus survive the navigation through this per-cluster memory.
 */
interface TreeMemory {
  open: Map<string, boolean>;
  listings: Map<string, ListingState>;
  filter: { dir: string; text: string };
  scrollTop: number;
  /** The row with the roving focus, and whether the tree had DOM focus: a new tree takes it back. */
  focusedKey: string | null;
  treeHasFocus: boolean;
  /** The checked rows (the multi-selection), and the row a shift-click extends a range from. */
  selection: Selection;
  anchor: string | null;
}
const memories = new Map<string, TreeMemory>();
function memoryOf(cluster: string): TreeMemory {
  let memory = memories.get(cluster);
  if (!memory) {
    memory = { open: new Map(), listings: new Map(), filter: { dir: "/", text: "" }, scrollTop: 0, focusedKey: null, treeHasFocus: false, selection: EMPTY_SELECTION, anchor: null };
    memories.set(cluster, memory);
  }
  return memory;
}

function isDirIn(listings: ReadonlyMap<string, ListingState>, key: string): boolean {
  if (key === "/") return true;
  const parent = listings.get(parentOf(key));
  return parent?.status === "loaded" && parent.children.some((c) => c.key === key && c.dir === true);
}

function KeyTreeView({ cluster, selectedKey, onSelect, seed }: KeyTreeProps) {
  const [memory] = useState(() => memoryOf(cluster));
  // Opened on a link (a document load, or the keys page mounted again): a linked directory shows its children.
  const [open, setOpen] = useState<Map<string, boolean>>(() => openForLink(memory.open, selectedKey));
  const [listings, setListings] = useState<Map<string, ListingState>>(() => withSeed(memory.listings, seed, cluster));
  const [focusedKey, setFocusedKey] = useState(() => (memory.treeHasFocus && memory.focusedKey) || selectedKey);
  const [filterText, setFilterText] = useState(() => {
    const dir = isDirIn(memory.listings, selectedKey) ? selectedKey : parentOf(selectedKey);
    return memory.filter.dir === dir ? memory.filter.text : "";
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const filterId = useId();
  const { mutate } = useSWRConfig();
  const flashes = useRowFlashes();

  // A new selection (a click, a deep link, back/forward): open its ancestors and move focus there.
  const [shownSelection, setShownSelection] = useState(selectedKey);
  if (shownSelection !== selectedKey) {
    setShownSelection(selectedKey);
    setOpen((o) => (ancestorsOpen(o, selectedKey) ? o : openAncestors(o, selectedKey)));
    setFocusedKey(selectedKey);
  }

  // The filter applies to the selected directory's children, or to the selected key's siblings.
  const selectedIsDir = useMemo(() => isDirIn(listings, selectedKey), [listings, selectedKey]);
  const filterDir = selectedIsDir ? selectedKey : parentOf(selectedKey);
  const [filteredDir, setFilteredDir] = useState(filterDir);
  if (filteredDir !== filterDir) {
    setFilteredDir(filterDir);
    setFilterText("");
  }

  const { rows, openDirs, listedDirs } = useMemo(
    () => flattenTree({ listings, open, filter: filterText ? { dir: filterDir, text: filterText } : null }),
    [listings, open, filterDir, filterText],
  );
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  // The checked rows. Kept in the tree's memory at once (a click that also navigates remounts the tree),
  // and without the keys that vanished from their directory's listing (deleted, expired).
  const [checkedState, setCheckedState] = useState<Selection>(() => memory.selection);
  const checked = pruneVanished(checkedState, listings);
  if (checked !== checkedState) setCheckedState(checked);
  const updateChecked = useCallback(
    (update: (current: Selection) => Selection) =>
      setCheckedState((current) => {
        const next = update(current);
        memory.selection = next;
        return next;
      }),
    [memory],
  );
  /** A checkbox click, Space, or a Ctrl/Cmd-click (toggle); with Shift, the range from the last one. */
  const checkRow = useCallback(
    (row: NodeRow, range: boolean) => {
      const anchor = memory.anchor;
      updateChecked((current) => (range ? selectRange(current, rowsRef.current, anchor, row.key) : toggleSelected(current, row)));
      memory.anchor = row.key;
    },
    [memory, updateChecked],
  );
  const clearChecked = useCallback(() => {
    updateChecked(() => EMPTY_SELECTION);
    memory.anchor = null;
  }, [memory, updateChecked]);
  const filterListing = listings.get(filterDir);
  // Only shown while filtering: no pass over a big listing's names otherwise.
  const filterCounts = useMemo(
    () => (filterText && filterListing?.status === "loaded" ? filterCount(filterListing.children.map((c) => baseNameOf(c.key)), filterText) : null),
    [filterListing, filterText],
  );

  // Listings stay subscribed while their directory is open or its child count is shown. The selection's
  // open ancestors, and the selection itself when open, load at once (a deep link), not one level after
  // the other as the rows appear. (The selection's read is the key panel's too: one request.)
  const loaderDirs = useMemo(() => {
    const dirs = new Set(openDirs);
    for (const dir of [...ancestorsOf(selectedKey), selectedKey]) if (isOpen(open, dir)) dirs.add(dir);
    for (const dir of listedDirs) dirs.add(dir);
    return [...dirs];
  }, [openDirs, listedDirs, open, selectedKey]);
  const reportListing = useCallback((dir: string, state: ListingState) => {
    setListings((current) => {
      const previous = current.get(dir);
      if (previous && sameListing(previous, state)) return current;
      return withListing(current, dir, state);
    });
  }, []);

  const focusedIndex = rowIndexOf(rows, focusedKey);
  const selectedIndex = rowIndexOf(rows, selectedKey);
  const tabStopIndex = focusedIndex >= 0 ? focusedIndex : selectedIndex >= 0 ? selectedIndex : rows.findIndex((r) => r.kind === "node");
  const tabStopKey = rows[tabStopIndex]?.key;

  // The focused row stays rendered while it is scrolled away, so focus is never dropped.
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
  useEffect(() => {
    memory.open = open;
    memory.listings = listings;
    memory.filter = { dir: filterDir, text: filterText };
  }, [memory, open, listings, filterDir, filterText]);

  const virtualizer = useVirtualizer({
    initialOffset: memory.scrollTop,
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

  // Scroll a new selection into view once its row exists (its ancestors' listings may still be loading).
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
    if (scrollRef.current && memory.scrollTop !== 0) scrollRef.current.scrollTop = memory.scrollTop;
  }, [memory]);

  /** Moves focus to a row: scroll the virtualizer there, then focus the element once it is rendered. */
  const focusRow = useCallback(
    (key: string, index: number) => {
      setFocusedKey(key);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
      focusWhenRendered(scrollRef, key);
    },
    [virtualizer],
  );

  // A navigation remounted the tree while one of its rows had focus: focus that row again.
  useEffect(() => {
    if (memory.treeHasFocus) focusWhenRendered(scrollRef, focusedKey);
    // Only on mount: later focus moves are the keyboard's and the mouse's.
  }, [memory]);
  useEffect(() => {
    memory.focusedKey = focusedKey;
  }, [memory, focusedKey]);

  /** Selects a key: a new URL (the current one again would only reload the page). */
  const select = useCallback((key: string) => key !== selectedKey && onSelect(key), [onSelect, selectedKey]);

  // Remembered at once, not only in the effect after render: a click on a row also navigates, and a tree
  // remounted by that navigation must not come back with the directory closed again.
  const setDirOpen = useCallback(
    (dir: string, value: boolean) =>
      setOpen((o) => {
        const next = new Map(o).set(dir, value);
        memory.open = next;
        return next;
      }),
    [memory],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute("role") !== "treeitem") return;
    const index = rowIndexOf(rows, target.dataset.key ?? "");
    if (index < 0) return;
    const focused = rows[index];
    if (focused?.kind === "node" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // Space checks the row (Shift+Space: the range from the last one checked), as in a checkable tree.
      if (event.key === " ") {
        event.preventDefault();
        return checkRow(focused, event.shiftKey);
      }
      // The keyboard's way to the context menu.
      if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
        event.preventDefault();
        const rect = target.getBoundingClientRect();
        return openMenu(focused, { x: rect.left + 8 + (focused.depth - 1) * INDENT, y: rect.bottom }, true);
      }
      if (event.key === "Escape" && checked.size > 0) {
        event.preventDefault();
        return clearChecked();
      }
    }
    const action = treeKeyAction(rows, index, event.key);
    if (!action) return;
    event.preventDefault();
    switch (action.type) {
      case "focus": {
        const row = rows[action.index];
        if (row) focusRow(row.key, action.index);
        return;
      }
      case "open":
        return setDirOpen(action.key, true);
      case "close":
        return setDirOpen(action.key, false);
      case "select":
        return select(action.key);
    }
  };

  const onRowClick = useCallback(
    (row: NodeRow, event: MouseEvent) => {
      setFocusedKey(row.key);
      // Shift-click checks a range, Ctrl/Cmd-click checks or unchecks one row: neither opens it.
      if (event.shiftKey || event.ctrlKey || event.metaKey) return checkRow(row, event.shiftKey);
      if (row.isDir) setDirOpen(row.key, !row.isOpen);
      select(row.key);
    },
    [select, setDirOpen, checkRow],
  );
  const onRowCheck = useCallback(
    (row: NodeRow, range: boolean) => {
      setFocusedKey(row.key);
      focusWhenRendered(scrollRef, row.key);
      checkRow(row, range);
    },
    [checkRow],
  );
  /** Opens a row as the menu's Open does: a directory shows its children, and the row the panel. */
  const openRow = useCallback(
    (row: NodeRow) => {
      setFocusedKey(row.key);
      if (row.isDir) setDirOpen(row.key, true);
      select(row.key);
    },
    [select, setDirOpen],
  );

  const { canWrite } = useAccess(cluster);
  const isChecked = useCallback((key: string) => memory.selection.has(key), [memory]);
  const toggleChecked = useCallback((row: NodeRow) => checkRow(row, false), [checkRow]);
  const actions = useTreeActions({ cluster, canWrite, selectedKey, navigate: onSelect, openRow, isChecked, toggleChecked });
  const [menu, setMenu] = useState<{ row: NodeRow; at: { x: number; y: number }; fromKeyboard: boolean } | null>(null);
  const openMenu = (row: NodeRow, at: { x: number; y: number }, fromKeyboard = false) => {
    setFocusedKey(row.key);
    setMenu({ row, at, fromKeyboard });
  };
  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const index = element ? rowIndexOf(rows, element.dataset.key ?? "") : -1;
    const row = rows[index];
    if (!element || row?.kind !== "node") return;
    event.preventDefault();
    element.focus({ preventScroll: true });
    openMenu(row, { x: event.clientX, y: event.clientY });
  };

  const [bulkDeleteOpen, setBulkDeleteOpen] = useState(false);
  const afterBulkDelete = useCallback(
    (deleted: readonly string[]) => {
      const gone = new Set(deleted);
      updateChecked((current) => {
        const next = new Map(current);
        for (const key of current.keys()) if (gone.has(key) || ancestorsOf(key).some((a) => gone.has(a))) next.delete(key);
        return next;
      });
      // The key open in the panel went with them: show the nearest directory that is left.
      const taken = [...ancestorsOf(selectedKey), selectedKey].find((k) => gone.has(k));
      if (taken !== undefined) onSelect(parentOf(taken));
    },
    [updateChecked, selectedKey, onSelect],
  );
  const commands = useMemo<Command[]>(
    () =>
      checked.size === 0
        ? []
        : [
            ...(canWrite ? [{ id: "tree-delete-selected", label: `Delete selected (${formatCount(checked.size)})`, group: "Actions", keywords: ["remove", "bulk"], run: () => setBulkDeleteOpen(true) }] : []),
            { id: "tree-clear-selection", label: "Clear selection", group: "Actions", keywords: ["uncheck", "deselect"], run: clearChecked },
          ],
    [checked.size, canWrite, clearChecked],
  );
  useRegisterCommands("key-tree-selection", commands);
  const onRowFocus = useCallback((key: string) => setFocusedKey(key), []);
  const retry = useCallback((dir: string) => void mutate(keySwrKey(cluster, dir)), [mutate, cluster]);

  const onFilterChange = (text: string) => {
    setFilterText(text);
    // Filtering a closed directory's children opens it: the matches are what the filter is for.
    if (text && !isOpen(open, filterDir)) setDirOpen(filterDir, true);
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="space-y-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <GoToKey cluster={cluster} onGo={select} />
        <div>
          <div className="mb-1 flex items-center justify-between gap-2">
            <label htmlFor={filterId} className="block text-xs font-medium text-zinc-500">
              Filter
            </label>
            <LiveIndicator />
          </div>
          <div className="flex items-center gap-2">
            <input
              id={filterId}
              type="search"
              value={filterText}
              onChange={(e) => onFilterChange(e.target.value)}
              placeholder={`Children of ${filterDir}`}
              autoComplete="off"
              spellCheck={false}
              className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            {filterText && filterCounts && (
              <span role="status" aria-label="Filter matches" className="shrink-0 text-xs text-zinc-500">
                {`${formatCount(filterCounts.shown)} of ${formatCount(filterCounts.total)}`}
              </span>
            )}
            <button
              type="button"
              aria-label="Refresh tree"
              title="Re-read the open directories"
              onClick={() => loaderDirs.forEach(retry)}
              className="shrink-0 rounded border border-zinc-300 p-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              <RefreshCw aria-hidden="true" size={14} />
            </button>
          </div>
        </div>
      </div>
      {checked.size > 0 ? <SelectionBar count={checked.size} canDelete={canWrite} onDelete={() => setBulkDeleteOpen(true)} onClear={clearChecked} /> : null}
      {/* The rows are checkable (the multi-selection), and that is conveyed as aria-checked on each treeitem,
          where the keyboard focus is: Space toggles it. aria-selected stays the single row open in the panel
          (the URL), so the tree is not aria-multiselectable. The checkbox in each row is for the pointer (not a
          tab stop: the tree keeps one, the roving row), named "Select <key>". */}
      <div
        ref={scrollRef}
        role="tree"
        aria-label="Keys"
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
        onPointerDown={preloadTreeMenu}
        onScroll={(e) => {
          memory.scrollTop = e.currentTarget.scrollTop;
        }}
        onFocus={() => {
          memory.treeHasFocus = true;
          preloadTreeMenu();
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) memory.treeHasFocus = false;
        }}
        className="min-h-0 flex-1 overflow-auto py-1 text-sm">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const style: CSSProperties = { position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            return row.kind === "node" ? (
              <TreeItemRow
                key={row.key}
                row={row}
                style={style}
                selected={row.key === selectedKey}
                checked={checked.has(row.key)}
                tabbable={row.key === tabStopKey}
                flashIndex={flashes.get(row.key)}
                onClick={onRowClick}
                onCheck={onRowCheck}
                onFocus={onRowFocus}
              />
            ) : (
              <StatusItemRow key={row.key} row={row} style={style} onRetry={retry} />
            );
          })}
        </div>
      </div>
      {loaderDirs.map((dir) => (
        <ListingLoader key={dir} cluster={cluster} dir={dir} onChange={reportListing} />
      ))}
      <TreeMenu
        open={menu !== null}
        onOpenChange={(open) => (open ? undefined : setMenu(null))}
        at={menu?.at ?? { x: 0, y: 0 }}
        label={menu ? `Actions for ${menu.row.key}` : "Actions"}
        items={menu ? actions.itemsFor(menu.row) : []}
        fromKeyboard={menu?.fromKeyboard}
        onCloseFocus={() => menu && focusWhenRendered(scrollRef, menu.row.key)}
      />
      {actions.dialogs}
      {canWrite && bulkDeleteOpen ? <BulkDeleteDialog open={bulkDeleteOpen} onOpenChange={setBulkDeleteOpen} cluster={cluster} selection={checked} onFinished={afterBulkDelete} /> : null}
    </div>
  );
}

/** Whether row `index` is wholly inside the tree's viewport, from what the virtualizer has measured (no layout read). */
function rowInView(virtualizer: Virtualizer<HTMLDivElement, Element>, index: number): boolean {
  const height = virtualizer.scrollRect?.height;
  const offset = virtualizer.scrollOffset;
  if (!height || offset === null) return false;
  const top = index * ROW_HEIGHT;
  return top >= offset && top + ROW_HEIGHT <= offset + height;
}

/** Focuses a row once the virtualizer has rendered it (after a scroll or a remount), for a few frames at most. */
function focusWhenRendered(scrollRef: { current: HTMLElement | null }, key: string) {
  let frames = 0;
  const attempt = () => {
    const element = findRowElement(scrollRef.current, key);
    if (element) element.focus({ preventScroll: true });
    else if (frames++ < 60) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

function findRowElement(container: HTMLElement | null, key: string): HTMLElement | undefined {
  if (!container) return undefined;
  for (const element of container.querySelectorAll<HTMLElement>('[role="treeitem"]')) if (element.dataset.key === key) return element;
  return undefined;
}

function sameListing(a: ListingState, b: ListingState): boolean {
  if (a.status === "loaded" && b.status === "loaded") return a.children === b.children;
  if (a.status === "error" && b.status === "error") return a.message === b.message;
  return a.status === b.status;
}

/** Plain words for why a directory could not be listed. */
function describeError(dir: string, error: ApiError): string {
  switch (error.code) {
    case "key_not_found":
      return `${dir} does not exist (any more).`;
    case "not_a_directory":
      return `${dir} is not a directory.`;
    default:
      return error.message;
  }
}

/**
 * Reads one directory's listing through SWR (`keySwrKey`, shared with the rest of the app) and reports
 * it to the tree; renders nothing. A cached listing is not fetched again on every remount (every
 * navigation): `mutate(keySwrKey(cluster, dir))` or Refresh re-reads it.
 */
function ListingLoader({ cluster, dir, onChange }: { cluster: string; dir: string; onChange: (dir: string, state: ListingState) => void }) {
  const { data, error } = useSWR<KeyResponse, ApiError>(keySwrKey(cluster, dir), apiFetch, { revalidateIfStale: false, revalidateOnFocus: false });
  // Before the paint: a directory opened with its listing already cached (the key panel read it) shows its
  // children in the same frame, not a "Loading" row first.
  useLayoutEffect(() => {
    if (data) {
      const node = data.node;
      onChange(dir, node?.dir ? { status: "loaded", children: node.nodes ?? NO_CHILDREN } : { status: "error", message: `${dir} is not a directory.` });
    } else if (error) {
      onChange(dir, { status: "error", message: describeError(dir, error) });
    }
  }, [cluster, dir, data, error, onChange]);
  return null;
}

interface TreeItemRowProps {
  row: NodeRow;
  style: CSSProperties;
  selected: boolean;
  /** In the multi-selection (its checkbox is checked). */
  checked: boolean;
  tabbable: boolean;
  /** Index of a live change of this row in the last moments: the row flashes. */
  flashIndex: number | undefined;
  onClick: (row: NodeRow, event: MouseEvent) => void;
  /** The checkbox was clicked; `range` with Shift. */
  onCheck: (row: NodeRow, range: boolean) => void;
  onFocus: (key: string) => void;
}

const TreeItemRow = memo(function TreeItemRow({ row, style, selected, checked, tabbable, flashIndex, onClick, onCheck, onFocus }: TreeItemRowProps) {
  const Icon = row.isDir ? (row.isOpen ? FolderOpen : Folder) : File;
  return (
    <div
      role="treeitem"
      aria-label={row.name}
      aria-level={row.depth}
      aria-expanded={row.isDir ? row.isOpen : undefined}
      aria-selected={selected}
      aria-checked={checked}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      tabIndex={tabbable ? 0 : -1}
      data-key={row.key}
      data-changed-index={flashIndex}
      title={row.key}
      onClick={(e) => onClick(row, e)}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocus(row.key);
      }}
      style={{ ...style, paddingLeft: 8 + (row.depth - 1) * INDENT }}
      className={`flex cursor-pointer select-none items-center gap-1.5 pr-2 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500 ${
        selected ? "bg-blue-100 text-blue-950 dark:bg-blue-950 dark:text-blue-50" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
      }`}
    >
      {/* Keyed by the change's index: a new change restarts the fade. */}
      {flashIndex !== undefined && <span key={flashIndex} aria-hidden="true" className="live-flash pointer-events-none absolute inset-0" />}
      <input
        type="checkbox"
        aria-label={`Select ${row.key}`}
        tabIndex={-1}
        checked={checked}
        onChange={NO_OP}
        // Focus stays on the row (the tree's one tab stop); the click must neither open the row nor navigate.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          onCheck(row, e.shiftKey);
        }}
        className="relative size-3.5 shrink-0 cursor-pointer accent-blue-600"
      />
      <Icon aria-hidden="true" size={14} className={`shrink-0 ${row.isDir ? "text-amber-600 dark:text-amber-400" : "text-zinc-500"}`} />
      <span className="min-w-0 flex-1 truncate whitespace-pre">{row.name}</span>
      {row.ttl !== undefined && (
        <span
          className="flex shrink-0 items-center gap-0.5 rounded bg-amber-100 px-1 text-[11px] text-amber-900 dark:bg-amber-900 dark:text-amber-100"
          title={row.expiration ? `Expires ${row.expiration}` : undefined}
        >
          <Timer aria-hidden="true" size={11} />
          {`TTL ${formatTtl(row.ttl)}`}
        </span>
      )}
      {row.childCount !== undefined && (
        <span className="shrink-0 rounded bg-zinc-100 px-1 text-[11px] tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" title={`${row.childCount} children`}>
          {formatCount(row.childCount)}
        </span>
      )}
    </div>
  );
});

const StatusItemRow = memo(function StatusItemRow({ row, style, onRetry }: { row: StatusRow; style: CSSProperties; onRetry: (dir: string) => void }) {
  const padded = { ...style, paddingLeft: 8 + (row.depth - 1) * INDENT };
  if (row.kind === "loading") {
    return (
      <div role="none" style={padded} className="flex items-center text-xs text-zinc-500">
        <span role="status">{`Loading ${row.dir}…`}</span>
      </div>
    );
  }
  return (
    <div role="none" style={padded} className="flex items-center gap-2 pr-2 text-xs">
      <span role="alert" className="min-w-0 flex-1 truncate text-red-700 dark:text-red-300" title={row.message}>
        {`Could not load ${row.dir}: ${row.message}`}
      </span>
      <button type="button" onClick={() => onRetry(row.dir)} className="shrink-0 rounded border border-zinc-300 px-1.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Retry
      </button>
    </div>
  );
});
