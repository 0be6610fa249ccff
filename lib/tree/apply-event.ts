// Live updates of what the browser has already read: a batch of watch events (from a recursive watch
// of "/") applied to the cached key responses (a key, or a directory with one level of sorted children),
// giving the new responses. Only entries already cached change; nothing is fetched. Pure.
//
// Rules (etcd v2, see shared/etcd-v2-api.md section 5):
// - set / create / update / compareAndSwap on K: K's row in parentOf(K)'s listing is inserted (in etcd's
//   sorted position) or replaced by the event's node; K's own entry takes the new node (a directory
//   keeps its children). Writing /a/b/c creates missing directories silently, with no event of their own:
//   each missing ancestor gets a directory row in its parent's listing.
// - delete / expire / compareAndDelete on K: K's row goes, and K's entry and every entry below it are
//   removed (a directory's delete or expiry takes its whole subtree; etcd sends one event for it).
// - Each entry is "as of" its etcdIndex: an event at or below it is already in it (a listing read after
//   the event, while the stream lagged) and is skipped, so a late event never undoes a newer read.
// - Hidden keys (a segment starting with "_") are not in listings; history replays can still carry them.
import type { V2Node } from "@/lib/etcd/wire";
import type { KeyResponse } from "@/lib/api/types";
import { isHiddenKey, isWithin, parentOf } from "@/lib/key-path";
import type { WatchAction, WatchEvent } from "@/lib/watch/protocol";
import { compareKeys, searchSorted } from "./key-order";

const REMOVALS: ReadonlySet<WatchAction> = new Set(["delete", "expire", "compareAndDelete"]);

export function isRemoval(action: WatchAction): boolean {
  return REMOVALS.has(action);
}

/** The cached responses, by etcd key ("/" is the root listing). */
export type CachedKeys = ReadonlyMap<string, KeyResponse>;

export interface LiveUpdate {
  /** New responses of the entries that changed. */
  updated: Map<string, KeyResponse>;
  /** Entries whose key no longer exists: deleted, expired, or below a deleted directory. */
  removed: Set<string>;
  /** Rows inserted or changed in a cached listing, with the index of their latest change (they flash). */
  changed: Map<string, number>;
}

/** Applies `events` (in index order) to `cached`; entries not in the result are unchanged. */
export function applyWatchEvents(cached: CachedKeys, events: readonly WatchEvent[]): LiveUpdate {
  const draft = new CacheDraft(cached);
  for (const event of events) {
    if (isHiddenKey(event.node.key)) continue;
    if (isRemoval(event.action)) draft.remove(event);
    else draft.upsert(event);
  }
  return draft.finish();
}

/** Inserts, replaces (`V2Node`) or removes (`null`) children of a sorted listing, copying it once. */
export function mergeChildren(children: readonly V2Node[], changes: ReadonlyMap<string, V2Node | null>): V2Node[] {
  const keys = [...changes.keys()].sort(compareKeys);
  const merged: V2Node[] = [];
  let i = 0;
  for (const key of keys) {
    while (i < children.length && compareKeys(children[i]!.key, key) < 0) merged.push(children[i++]!);
    if (i < children.length && children[i]!.key === key) i++; // replaced or removed
    const node = changes.get(key);
    if (node) merged.push(node);
  }
  while (i < children.length) merged.push(children[i++]!);
  return merged;
}

/** The node as a listing row: one level, so a directory's own children never ride along. */
function asRow(node: V2Node): V2Node {
  if (node.nodes === undefined) return node;
  const { nodes: _children, ...row } = node;
  return row;
}

/**
 * The batch's working state. Children changes are collected per listing and merged once at the end, so
 * a burst of events into a directory of 100,000 children copies it once, not once per event.
 */
class CacheDraft {
  private readonly replaced = new Map<string, KeyResponse>();
  private readonly childChanges = new Map<string, Map<string, V2Node | null>>();
  /** The index each touched entry is now "as of". */
  private readonly asOf = new Map<string, number>();
  private readonly removed = new Set<string>();
  private readonly changed = new Map<string, number>();

  constructor(private readonly cached: CachedKeys) {}

  upsert(event: WatchEvent) {
    const key = event.node.key;
    const row = asRow(event.node);
    const own = this.current(key);
    if (own && this.isNewFor(key, event.index)) {
      const keepsChildren = own.node?.dir === true && row.dir === true;
      this.replaced.set(key, {
        action: event.action,
        node: keepsChildren ? { ...row, nodes: own.node?.nodes } : row,
        prevNode: event.prevNode,
        etcdIndex: event.index,
      });
      this.asOf.set(key, event.index);
    }
    // K's row, then rows for the directories the write may have created on its way.
    let child = key;
    let childRow: V2Node | null = row;
    while (child !== "/") {
      const dir = parentOf(child);
      const present = this.hasChild(dir, child);
      if (present !== undefined && this.isNewFor(dir, event.index)) {
        if (childRow) this.setChild(dir, child, childRow, event.index);
        else if (present) return;
        else this.setChild(dir, child, { key: child, dir: true, createdIndex: event.index, modifiedIndex: event.index }, event.index);
      } else if (present && !childRow) {
        return; // this ancestor exists, so every one above it does too
      }
      childRow = null;
      child = dir;
    }
  }

  remove(event: WatchEvent) {
    const key = event.node.key;
    const dir = parentOf(key);
    if (key !== "/" && this.hasChild(dir, key) && this.isNewFor(dir, event.index)) this.setChild(dir, key, null, event.index);
    for (const entry of this.entryKeys()) {
      if (isWithin(entry, key) && this.isNewFor(entry, event.index)) {
        this.removed.add(entry);
        this.replaced.delete(entry);
        this.childChanges.delete(entry);
      }
    }
  }

  finish(): LiveUpdate {
    const updated = new Map(this.replaced);
    for (const [dir, changes] of this.childChanges) {
      const listing = this.current(dir);
      if (!listing?.node) continue;
      updated.set(dir, {
        ...listing,
        node: { ...listing.node, nodes: mergeChildren(listing.node.nodes ?? [], changes) },
        etcdIndex: Math.max(listing.etcdIndex, this.asOf.get(dir) ?? 0),
      });
    }
    return { updated, removed: this.removed, changed: this.changed };
  }

  private current(key: string): KeyResponse | undefined {
    if (this.removed.has(key)) return undefined;
    return this.replaced.get(key) ?? this.cached.get(key);
  }

  private isNewFor(key: string, index: number): boolean {
    return index > (this.asOf.get(key) ?? this.cached.get(key)?.etcdIndex ?? 0);
  }

  /** Whether `dir`'s cached listing has `child`; undefined when no listing of `dir` is cached. */
  private hasChild(dir: string, child: string): boolean | undefined {
    const listing = this.current(dir);
    if (listing?.node?.dir !== true) return undefined;
    const pending = this.childChanges.get(dir)?.get(child);
    if (pending !== undefined) return pending !== null;
    return searchSorted(listing.node.nodes ?? [], child) >= 0;
  }

  private setChild(dir: string, child: string, row: V2Node | null, index: number) {
    let changes = this.childChanges.get(dir);
    if (!changes) this.childChanges.set(dir, (changes = new Map()));
    changes.set(child, row);
    this.asOf.set(dir, index);
    if (row) this.changed.set(child, index);
    else this.changed.delete(child);
  }

  /** Every entry still there (`replaced` only ever holds cached keys). */
  private *entryKeys(): Iterable<string> {
    for (const key of this.cached.keys()) if (!this.removed.has(key)) yield key;
  }
}
