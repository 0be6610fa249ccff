// The tree's first screen rendered on the server: for a document load of /keys/<dir>, the first children of
// every listing from the root down to the key, so that the rows paint from the HTML before any JavaScript
// runs. Only a first screen travels (not a 14 MB listing in the page): the browser's own reads of the whole
// listings then take over, showing the same first rows. Pure; shared by the server and the browser.
import type { V2Node } from "@/lib/etcd/wire";
import type { ListingState } from "./flatten";

/**
 * The tree's height before it is measured, on the server and in the browser's first render (which must
 * match): taller than most screens' tree, so that the first screen is all there.
 */
export const FIRST_SCREEN_HEIGHT = 1200;

/** Children per listing: more than the rows of FIRST_SCREEN_HEIGHT (43 of 28 px) and the overscan (10). */
export const SEED_CHILDREN = 60;

/** What the server read for one directory: its first children in sorted order, and how many it has. */
export interface SeedListing {
  dir: string;
  children: V2Node[];
  total: number;
}

export interface TreeSeed {
  cluster: string;
  listings: SeedListing[];
}

/**
 * The first `count` of a sorted listing's children, with only what a row shows and a delete compares with (no values): the first rows
 * of the whole listing are the first rows of these, whatever the tree above them.
 */
export function firstChildren(nodes: readonly V2Node[], count = SEED_CHILDREN): V2Node[] {
  return nodes.slice(0, count).map(({ key, dir, ttl, expiration, modifiedIndex }) => ({
    key,
    ...(dir ? { dir: true } : {}),
    ...(ttl !== undefined ? { ttl } : {}),
    ...(expiration !== undefined ? { expiration } : {}),
    // A row selected before the whole listing arrives is deleted by compare-and-delete on it.
    ...(modifiedIndex !== undefined ? { modifiedIndex } : {}),
  }));
}

/**
 * `listings` with the seed's first screens of the directories it holds nothing for yet (a listing read in
 * the browser always wins); the seed of another cluster adds nothing.
 */
export function withSeed(listings: ReadonlyMap<string, ListingState>, seed: TreeSeed | null | undefined, cluster: string): ReadonlyMap<string, ListingState> {
  if (!seed || seed.cluster !== cluster) return listings;
  const missing = seed.listings.filter((l) => !listings.has(l.dir));
  if (missing.length === 0) return listings;
  const next = new Map(listings);
  for (const { dir, children, total } of missing) next.set(dir, { status: "loaded", children, total });
  return next;
}
