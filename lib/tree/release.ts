// When the tree lets go of a listing: one of a directory nobody has used for a while (not open, not on the
// way to the selection, its row not on screen) is dropped, so that memory does not grow with every
// 100,000-children directory ever opened in the tab. Opening it again reads it again. Pure.
import { ancestorsOf } from "@/lib/key-path";
import type { TreeRow } from "./flatten";
import type { TreeState } from "./tree-state";

/** How long a listing nobody uses is kept: long enough for a close and re-open to cost nothing. */
export const IDLE_LISTING_MS = 60_000;

/** How often the tree looks for idle listings: a listing goes between IDLE_LISTING_MS and this much later. */
export const RELEASE_CHECK_MS = 10_000;

/**
 * The directories whose listings are in use: every open directory the tree reaches (`openDirs`), the
 * selection and its ancestors (the panel shows it, a deep link opens them), and the directories whose
 * rows are on screen (`shownRows`: their child counts show).
 */
export function dirsInUse(openDirs: readonly string[], selectedKey: string, shownRows: readonly TreeRow[]): Set<string> {
  const inUse = new Set(openDirs);
  for (const dir of ancestorsOf(selectedKey)) inUse.add(dir);
  inUse.add(selectedKey);
  for (const row of shownRows) if (row.kind === "node" && row.isDir) inUse.add(row.key);
  return inUse;
}

/**
 * `state` with the listings in use marked as used `now`, and without those unused for `idleMs` or more
 * (a listing never marked counts from `now`: a first screen from the server, say); `released` lists the
 * directories let go, whose cached reads the caller drops too.
 */
export function releaseIdle(state: TreeState, inUse: ReadonlySet<string>, now: number, idleMs = IDLE_LISTING_MS): { state: TreeState; released: string[] } {
  const released: string[] = [];
  const usedAt = new Map<string, number>();
  for (const dir of state.listings.keys()) {
    const last = inUse.has(dir) ? now : (state.usedAt.get(dir) ?? now);
    if (now - last >= idleMs) released.push(dir);
    else usedAt.set(dir, last);
  }
  if (released.length === 0 && sameTimes(usedAt, state.usedAt)) return { state, released };
  const listings = new Map(state.listings);
  for (const dir of released) listings.delete(dir);
  return { state: { ...state, listings: released.length > 0 ? listings : state.listings, usedAt }, released };
}

function sameTimes(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [dir, time] of a) if (b.get(dir) !== time) return false;
  return true;
}
