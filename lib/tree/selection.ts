// The tree's multi-selection (checkboxes): a map from key to what the browser listed it with, kept apart
// from the rows, so that 100,000 rows cost nothing until they are selected and a selection survives the
// virtualizer unmounting rows scrolled away. Each selected key remembers the modifiedIndex it was listed
// with when it was selected: a bulk delete compares with that, so a key changed since then is kept. Pure.
import { ancestorsOf, parentOf } from "@/lib/key-path";
import type { ListingState, NodeRow, TreeRow } from "./flatten";

export interface SelectedEntry {
  dir: boolean;
  /** The modifiedIndex the tree listed the key with when it was selected (unknown for a seeded row without one). */
  modifiedIndex: number | undefined;
}

export type Selection = ReadonlyMap<string, SelectedEntry>;

export const EMPTY_SELECTION: Selection = new Map();

const entryOf = (row: NodeRow): SelectedEntry => ({ dir: row.isDir, modifiedIndex: row.modifiedIndex });

/** `selection` with `row` added, or removed when it was selected. */
export function toggleSelected(selection: Selection, row: NodeRow): Selection {
  const next = new Map(selection);
  if (next.has(row.key)) next.delete(row.key);
  else next.set(row.key, entryOf(row));
  return next;
}

/**
 * Shift-click: every key and directory row shown between the anchor (the last row clicked or toggled) and
 * `key`, both included, added to the selection. Without an anchor on screen, only `key`'s row.
 */
export function selectRange(selection: Selection, rows: readonly TreeRow[], anchorKey: string | null, key: string): Selection {
  const to = rows.findIndex((r) => r.kind === "node" && r.key === key);
  if (to < 0) return selection;
  const anchor = anchorKey === null ? -1 : rows.findIndex((r) => r.kind === "node" && r.key === anchorKey);
  const from = anchor < 0 ? to : anchor;
  const next = new Map(selection);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const row = rows[i];
    if (row?.kind === "node" && !next.has(row.key)) next.set(row.key, entryOf(row));
  }
  return next;
}

/**
 * The selection without the keys that are gone: a key whose parent's listing is loaded and no longer holds
 * it (deleted, expired, or its directory deleted). Keys whose parent is not loaded (closed, loading, failed)
 * stay. The same map when nothing changed, so a render that changes nothing is cheap.
 */
export function pruneVanished(selection: Selection, listings: ReadonlyMap<string, ListingState>): Selection {
  if (selection.size === 0) return selection;
  const present = new Map<string, Set<string>>();
  const childrenOf = (dir: string): Set<string> | null => {
    const listing = listings.get(dir);
    // A first screen (a seed with a total) does not hold every child: it cannot say a key is gone.
    if (listing?.status !== "loaded" || listing.total !== undefined) return null;
    let keys = present.get(dir);
    if (!keys) {
      keys = new Set(listing.children.map((c) => c.key));
      present.set(dir, keys);
    }
    return keys;
  };
  let next: Map<string, SelectedEntry> | null = null;
  for (const key of selection.keys()) {
    const siblings = childrenOf(parentOf(key));
    if (siblings && !siblings.has(key)) {
      next ??= new Map(selection);
      next.delete(key);
    }
  }
  return next ?? selection;
}

export interface PlannedItem {
  key: string;
  dir: boolean;
  modifiedIndex: number | undefined;
}

export interface DeletePlan {
  /** What is sent: in key order, without the keys inside a selected directory. */
  items: PlannedItem[];
  /** Selected keys left out because a selected directory holds them (its subtree is deleted with it). */
  covered: { key: string; by: string }[];
}

/** What a bulk delete of `selection` sends: each selected directory stands for its whole subtree. */
export function planDelete(selection: Selection): DeletePlan {
  const items: PlannedItem[] = [];
  const covered: DeletePlan["covered"] = [];
  for (const key of [...selection.keys()].sort()) {
    const entry = selection.get(key)!;
    // The outermost selected directory above it, if any (ancestors from the root down).
    const by = ancestorsOf(key).find((dir) => selection.get(dir)?.dir === true);
    if (by !== undefined) covered.push({ key, by });
    else items.push({ key, dir: entry.dir, modifiedIndex: entry.modifiedIndex });
  }
  return { items, covered };
}
