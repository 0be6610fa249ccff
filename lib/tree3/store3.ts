// What the v3 tree holds (as lib/tree/store.ts for v2): the open directories, the listings, the focused row, and
// the named changes to them. One per mounted tree: the tree stays mounted while the URL changes (the keys layout),
// and a tree mounted again reads afresh rather than show listings that missed the live changes meanwhile. The reads themselves are the component's
// (components/keys3/key-tree3.tsx); this only records what they answered. No React here.
import type { ErrorKind } from "@/lib/api/error-kind";
import type { Dir3Response } from "@/lib/api/keys3";
import type { V3KeyTarget } from "@/lib/keyspace3/key-url";
import { dirsToOpen, selectedRowId } from "./flatten3";
import { applyChanges, listingOf, pageAppended, type Change3, type Listing3 } from "./listings3";

export interface Tree3State {
  open: ReadonlyMap<string, boolean>;
  listings: ReadonlyMap<string, Listing3>;
  focusedId: string | null;
  /** The URL's target the tree last opened the way to (its row id, "" for the root). */
  shownSelection: string | null;
}

/** How many recent changes are kept to replay on a listing read while they were heard (its revision says which). */
const RECENT_CHANGES = 5000;

export type Tree3Store = ReturnType<typeof createTree3Store>;

export function createTree3Store() {
  let state: Tree3State = { open: new Map(), listings: new Map(), focusedId: null, shownSelection: null };
  let recent: Change3[] = [];
  const listeners = new Set<() => void>();
  const view = { scrollTop: 0, hasFocus: false };
  const apply = (next: Tree3State) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const setListing = (dir: string, listing: Listing3) => apply({ ...state, listings: new Map(state.listings).set(dir, listing) });

  return {
    getState: (): Tree3State => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    view,
    /**
     * A new selection (a click, a link, back / forward): the way to it opens and focus moves there. The tree's first
     * one (the link it was opened on) opens a linked directory too, to show its children; later ones leave it as
     * the click made it (a click on an open directory closes it, and its navigation must not open it again).
     */
    showSelection(target: V3KeyTarget) {
      const id = selectedRowId(target) ?? "";
      if (state.shownSelection === id) return;
      const open = new Map(state.open);
      const dirs = dirsToOpen(target);
      if (state.shownSelection !== null && target.kind === "dir") dirs.pop();
      for (const dir of dirs) open.set(dir, true);
      apply({ ...state, open, focusedId: id || state.focusedId, shownSelection: id });
    },
    setOpen(dir: string, value: boolean) {
      if (state.open.get(dir) !== value) apply({ ...state, open: new Map(state.open).set(dir, value) });
    },
    focus(id: string) {
      if (state.focusedId !== id) apply({ ...state, focusedId: id });
    },
    loading: (dir: string) => setListing(dir, { status: "loading" }),
    failed: (dir: string, message: string, kind?: ErrorKind) => setListing(dir, { status: "error", message, kind }),
    /** A listing read (or read again): the changes heard since its revision are applied to it. */
    read(dir: string, response: Dir3Response): string[] {
      const listings = new Map(state.listings).set(dir, listingOf(response));
      const result = applyChanges(listings, recent, dir);
      apply({ ...state, listings: result.listings });
      return result.reread;
    },
    pageLoading(dir: string) {
      const listing = state.listings.get(dir);
      if (listing?.status === "loaded") setListing(dir, { ...listing, page: "loading" });
    },
    pageFailed(dir: string, message: string, kind?: ErrorKind) {
      const listing = state.listings.get(dir);
      if (listing?.status === "loaded") setListing(dir, { ...listing, page: { error: message, kind } });
    },
    pageRead(dir: string, response: Dir3Response): string[] {
      const listing = state.listings.get(dir);
      if (listing?.status !== "loaded") return [];
      const next = pageAppended(listing, response);
      setListing(dir, next.listing);
      return next.changed;
    },
    /** Live changes: applied to every listing they fall in; returns the rows changed and the directories to read again. */
    changes(changes: readonly Change3[]) {
      recent = recent.concat(changes);
      if (recent.length > RECENT_CHANGES) recent = recent.slice(recent.length - RECENT_CHANGES);
      const result = applyChanges(state.listings, changes);
      if (result.listings !== state.listings) apply({ ...state, listings: result.listings });
      return { changed: result.changed, reread: result.reread };
    },
    /** The loaded or failed listings (what a Refresh or a resync reads again). */
    listedDirs: (): string[] => [...state.listings.entries()].filter(([, l]) => l.status !== "loading").map(([dir]) => dir),
  };
}
