// The tree's map of loaded listings, kept consistent as listings change (live updates, Refresh). Pure.
import { errorKindOf } from "@/lib/api/error-kind";
import type { ApiError } from "@/lib/api/errors";
import type { KeyResponse } from "@/lib/api/types";
import { ancestorsOf, isWithin } from "@/lib/key-path";
import type { V2Node } from "@/lib/etcd/wire";
import { isOpen, type ListingState } from "./flatten";

const NO_CHILDREN: readonly V2Node[] = [];

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

/** Whether two states of a listing show the same thing (a loaded listing: the very same children array). */
export function sameListing(a: ListingState, b: ListingState): boolean {
  if (a.status === "loaded" && b.status === "loaded") return a.children === b.children && a.total === b.total;
  if (a.status === "error" && b.status === "error") return a.message === b.message;
  return a.status === b.status;
}

/** What a read of `dir` (its SWR entry: data or error) shows in the tree; null while nothing is known yet. */
export function listingOfRead(dir: string, data: KeyResponse | undefined, error: ApiError | undefined): ListingState | null {
  if (data) return data.node?.dir ? { status: "loaded", children: data.node.nodes ?? NO_CHILDREN } : { status: "error", message: `${dir} is not a directory.` };
  if (error) return { status: "error", message: describeError(dir, error), kind: errorKindOf(error.body) };
  return null;
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
 * The directories whose listings the tree reads: every open directory it reaches (`openDirs`), and those shown
 * with a listing held (`listedDirs`: their child counts stay current). The selection's open ancestors, and the
 * selection itself when open, are read at once (a deep link), not one level after the other as the rows
 * appear. (The selection's read is the key panel's too: one request.)
 */
export function dirsToRead(openDirs: readonly string[], listedDirs: readonly string[], open: ReadonlyMap<string, boolean>, selectedKey: string): string[] {
  const dirs = new Set(openDirs);
  for (const dir of [...ancestorsOf(selectedKey), selectedKey]) if (isOpen(open, dir)) dirs.add(dir);
  for (const dir of listedDirs) dirs.add(dir);
  return [...dirs];
}
