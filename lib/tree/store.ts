// One key-tree store per cluster, for the life of the tab: the keys page is a dynamic route, so every
// navigation mounts a new tree, and this is what it comes back to (open directories, listings, focus,
// filter, checked rows, scroll position). Components read it through lib/hooks/use-tree-store.ts and change
// it through the named actions below (each one of lib/tree/tree-state.ts's functions). No React here.
import type { ListingState, NodeRow, TreeRow } from "./flatten";
import { releaseIdle } from "./release";
import type { TreeSeed } from "./seed";
import * as change from "./tree-state";
import type { TreeState } from "./tree-state";

export type TreeStore = ReturnType<typeof createTreeStore>;

/** Where the tree was scrolled to and whether it had DOM focus: read by a new tree on mount, never rendered from. */
interface TreeView {
  scrollTop: number;
  hasFocus: boolean;
}

export function createTreeStore(now: () => number = Date.now) {
  let state: TreeState = change.EMPTY_TREE;
  const listeners = new Set<() => void>();
  const view: TreeView = { scrollTop: 0, hasFocus: false };
  const apply = (next: TreeState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    getState: (): TreeState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    view,
    /**
     * A tree mounts for `selectedKey`. Silent (no subscriber is told): it runs while the new tree renders,
     * before it subscribes, and the tree it replaces is going away.
     */
    mount(selectedKey: string, seed: TreeSeed | null | undefined, cluster: string) {
      state = change.mounted(state, selectedKey, seed, cluster, view.hasFocus);
    },
    showSelection: (key: string) => apply(change.selectionShown(state, key)),
    setOpen: (dir: string, value: boolean) => apply(change.dirOpened(state, dir, value)),
    focus: (key: string) => apply(change.focused(state, key)),
    setFilter: (dir: string, text: string) => apply(change.filtered(state, dir, text)),
    listingRead: (dir: string, listing: ListingState) => apply(change.listingRead(state, dir, listing, now())),
    check: (row: NodeRow, range: boolean, rows: readonly TreeRow[]) => apply(change.rowChecked(state, row, range, rows)),
    clearChecks: () => apply(change.checksCleared(state)),
    uncheckDeleted: (deleted: readonly string[]) => apply(change.checksDeleted(state, deleted)),
    /** Lets go of the listings idle too long (lib/tree/release.ts); returns their directories. */
    releaseIdle(inUse: ReadonlySet<string>): string[] {
      const { state: next, released } = releaseIdle(state, inUse, now());
      apply(next);
      return released;
    },
  };
}

const stores = new Map<string, TreeStore>();

/**
 * The tab's store of `cluster`'s tree. On the server every call is a new store: a module-level one would
 * be shared by every request (and every user) the server renders.
 */
export function treeStoreOf(cluster: string): TreeStore {
  if (typeof window === "undefined") return createTreeStore();
  let store = stores.get(cluster);
  if (!store) {
    store = createTreeStore();
    stores.set(cluster, store);
  }
  return store;
}
