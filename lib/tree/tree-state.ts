// What the key tree of one cluster holds (open directories, listings, focus, filter, checked rows) and the
// named changes to it. Each change is a function from one state to the next (the same state when nothing
// changes, so a subscriber renders nothing). Pure; lib/tree/store.ts keeps one per cluster.
import { ancestorsOf, parentOf } from "@/lib/key-path";
import { ancestorsOpen, openAncestors, openForLink, type ListingState, type NodeRow, type TreeRow } from "./flatten";
import { sameListing, withListing } from "./listings";
import { withSeed, type TreeSeed } from "./seed";
import { EMPTY_SELECTION, pruneVanished, selectRange, toggleSelected, type Selection } from "./selection";

export interface TreeFilter {
  /** The directory whose children the text narrows. */
  dir: string;
  text: string;
}

export interface TreeState {
  open: ReadonlyMap<string, boolean>;
  listings: ReadonlyMap<string, ListingState>;
  /** When each held listing was last in use (ms since the epoch): what the release policy measures idleness by. */
  usedAt: ReadonlyMap<string, number>;
  filter: TreeFilter;
  /** The row with the roving focus. */
  focusedKey: string | null;
  /** The selection (the URL's key) the tree last opened the way to and moved the focus to. */
  shownSelection: string | null;
  /** The checked rows (the multi-selection), and the row a shift-click extends a range from. */
  selection: Selection;
  anchor: string | null;
}

export const EMPTY_TREE: TreeState = {
  open: new Map(),
  listings: new Map(),
  usedAt: new Map(),
  filter: { dir: "/", text: "" },
  focusedKey: null,
  shownSelection: null,
  selection: EMPTY_SELECTION,
  anchor: null,
};

/**
 * A tree mounted for `selectedKey` (a document load, or the keys page mounted again by a navigation): a linked
 * directory shows its children, the server's first screens fill what is not read yet, and the focus is back
 * on the row that had it when the tree had DOM focus, else on the selection.
 */
export function mounted(state: TreeState, selectedKey: string, seed: TreeSeed | null | undefined, cluster: string, hadFocus: boolean): TreeState {
  const listings = withSeed(state.listings, seed, cluster);
  return {
    ...state,
    open: openForLink(state.open, selectedKey),
    listings,
    focusedKey: (hadFocus && state.focusedKey) || selectedKey,
    shownSelection: selectedKey,
  };
}

/** A new selection (a click, a deep link, back / forward): its ancestors open and the focus moves there. */
export function selectionShown(state: TreeState, key: string): TreeState {
  if (state.shownSelection === key) return state;
  const open = ancestorsOpen(state.open, key) ? state.open : openAncestors(state.open, key);
  return { ...state, open, focusedKey: key, shownSelection: key };
}

export function dirOpened(state: TreeState, dir: string, value: boolean): TreeState {
  if (state.open.get(dir) === value) return state;
  return { ...state, open: new Map(state.open).set(dir, value) };
}

export function focused(state: TreeState, key: string): TreeState {
  return state.focusedKey === key ? state : { ...state, focusedKey: key };
}

/** The filter's text for `dir`'s children (typed, or cleared because the filtered directory changed). */
export function filtered(state: TreeState, dir: string, text: string): TreeState {
  if (state.filter.dir === dir && state.filter.text === text) return state;
  return { ...state, filter: { dir, text } };
}

/** The filter's text as it applies to `dir`: another directory's text does not. */
export function filterTextFor(state: TreeState, dir: string): string {
  return state.filter.dir === dir ? state.filter.text : "";
}

/**
 * `dir`'s listing as just read (or failed); the checked rows lose the keys it no longer holds. An identical
 * listing changes nothing, so a re-render that reports it again does not loop.
 */
export function listingRead(state: TreeState, dir: string, listing: ListingState, now: number): TreeState {
  const previous = state.listings.get(dir);
  if (previous && sameListing(previous, listing)) return state;
  const listings = withListing(state.listings, dir, listing);
  return { ...state, listings, usedAt: new Map(state.usedAt).set(dir, now), selection: pruneVanished(state.selection, listings) };
}

/** A checkbox click, Space or a Ctrl/Cmd-click (toggle); with `range`, the rows from the last one checked. */
export function rowChecked(state: TreeState, row: NodeRow, range: boolean, rows: readonly TreeRow[]): TreeState {
  const selection = range ? selectRange(state.selection, rows, state.anchor, row.key) : toggleSelected(state.selection, row);
  return { ...state, selection, anchor: row.key };
}

export function checksCleared(state: TreeState): TreeState {
  return state.selection.size === 0 && state.anchor === null ? state : { ...state, selection: EMPTY_SELECTION, anchor: null };
}

/** After a bulk delete: the deleted keys, and the keys below deleted directories, are no longer checked. */
export function checksDeleted(state: TreeState, deleted: readonly string[]): TreeState {
  const gone = new Set(deleted);
  const selection = new Map(state.selection);
  for (const key of state.selection.keys()) if (gone.has(key) || ancestorsOf(key).some((a) => gone.has(a))) selection.delete(key);
  return selection.size === state.selection.size ? state : { ...state, selection };
}

/** The key the panel should show after `deleted` went: the parent of the outermost deleted key holding `selectedKey`, or null. */
export function selectionAfterDelete(selectedKey: string, deleted: readonly string[]): string | null {
  const gone = new Set(deleted);
  const taken = [...ancestorsOf(selectedKey), selectedKey].find((k) => gone.has(k));
  return taken === undefined ? null : parentOf(taken);
}

/** Whether `key` is a directory by its parent's loaded listing (the root always is). */
export function isListedDir(listings: ReadonlyMap<string, ListingState>, key: string): boolean {
  if (key === "/") return true;
  const parent = listings.get(parentOf(key));
  return parent?.status === "loaded" && parent.children.some((c) => c.key === key && c.dir === true);
}
