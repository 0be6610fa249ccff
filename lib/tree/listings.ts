// The tree's map of loaded listings, kept consistent as listings change (live updates, Refresh). Pure.
import { isWithin } from "@/lib/key-path";
import type { ListingState } from "./flatten";

/**
 * `listings` with `dir`'s new state. Directories that were in `dir`'s old listing and are not in the new
 * one (deleted, expired) lose their listings and every listing below them: a directory created again
 * under the same name must be read afresh, not shown with its old children.
 */
export function withListing(listings: ReadonlyMap<string, ListingState>, dir: string, state: ListingState): Map<string, ListingState> {
  const next = new Map(listings).set(dir, state);
  const previous = listings.get(dir);
  if (previous?.status !== "loaded" || state.status !== "loaded") return next;
  const kept = new Set(state.children.filter((c) => c.dir).map((c) => c.key));
  const gone = previous.children.filter((c) => c.dir && !kept.has(c.key)).map((c) => c.key);
  if (gone.length === 0) return next;
  for (const key of listings.keys()) if (gone.some((g) => isWithin(key, g))) next.delete(key);
  return next;
}
