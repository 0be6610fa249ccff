// The v3 tree's listings: one level per directory, as the route answered it (lib/api/keys3.ts Dir3Response), its
// further pages appended, and live changes applied to it. Directories are keyed by their display form ("" is the
// root, every other one ends with "/"); children keep the route's order (byte order of their key or prefix,
// compareChildren in lib/keyspace3/key-bytes.ts). Pure and browser-safe.
import type { ErrorKind } from "@/lib/api/error-kind";
import type { Child3, Dir3Response } from "@/lib/api/keys3";
import { childDisplay, childOf, compareBytes, dirPrefix, keyDisplay, parseKeyDisplay, startsWithBytes } from "@/lib/keyspace3/key-bytes";

/** A change heard on the live stream, its key already decoded from base64. */
export interface Change3 {
  type: "put" | "delete";
  key: Uint8Array;
  modRevision: number;
  createRevision: number;
  version: number;
  lease?: string;
}

export interface LoadedListing3 {
  status: "loaded";
  /** The directory's bytes (parsed once: every live change is matched against it). */
  prefix: Uint8Array;
  /** The revision the listing was read at: a change at or below it is already in it. */
  revision: number;
  children: readonly Child3[];
  /** A truncated listing: where its next page starts (read at `revision`). */
  resumeKey: string | null;
  /** Changes beyond the last child held of a truncated listing: applied once the page they fall in is read. */
  later: readonly Change3[];
  /** The next page is being read, or why it could not be. */
  page: "idle" | "loading" | { error: string; kind?: ErrorKind };
}

export type Listing3 = LoadedListing3 | { status: "loading" } | { status: "error"; message: string; kind?: ErrorKind };

export type Listings3 = ReadonlyMap<string, Listing3>;

/** The bytes of a display form the route wrote (always well formed; an empty array if it ever were not). */
export function bytesOf(display: string): Uint8Array {
  const parse = parseKeyDisplay(display);
  return parse.ok ? parse.bytes : new Uint8Array(0);
}

/** The first page of a directory as the route answered it. */
export function listingOf(response: Dir3Response): LoadedListing3 {
  return {
    status: "loaded",
    prefix: bytesOf(response.dir),
    revision: Number(response.revision),
    children: response.children,
    resumeKey: response.truncated && response.resumeKey !== undefined ? response.resumeKey : null,
    later: [],
    page: "idle",
  };
}

/**
 * The next page appended (read at the listing's revision, so nothing repeats or is missed between pages); the
 * changes held back for it applied now that it is there.
 */
export function pageAppended(listing: LoadedListing3, response: Dir3Response): { listing: LoadedListing3; changed: string[] } {
  const next: LoadedListing3 = {
    ...listing,
    children: [...listing.children, ...response.children],
    resumeKey: response.truncated && response.resumeKey !== undefined ? response.resumeKey : null,
    later: [],
    page: "idle",
  };
  const changed: string[] = [];
  let result = next;
  for (const change of listing.later) {
    const applied = applyToListing(result, change);
    result = applied.listing;
    if (applied.changed) changed.push(applied.changed);
  }
  return { listing: result, changed };
}

/** The row id of a child: a key and a directory may share a display form (`a/` the key, `a/` the directory). */
export const rowIdOf = (child: Pick<Child3, "kind" | "key">) => `${child.kind === "dir" ? "d" : "k"}:${child.key}`;

/** Where `key` (its bytes below the listing) is or would go among the children: [index, found]. */
function search(children: readonly Child3[], key: Uint8Array): [number, boolean] {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const order = compareBytes(bytesOf(children[mid]!.key), key);
    if (order === 0) return [mid, true];
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  return [low, false];
}

/** True when `key` lies past the last child held of a truncated listing: its page will carry it. */
function beyondEnd(listing: LoadedListing3, key: Uint8Array): boolean {
  if (listing.resumeKey === null) return false;
  const last = listing.children[listing.children.length - 1];
  return last === undefined || compareBytes(key, bytesOf(last.key)) > 0;
}

interface Applied {
  listing: LoadedListing3;
  /** The row that changed (for the flash), if one did. */
  changed?: string;
  /** A subdirectory whose last key may have gone: its parent must be read again to know. */
  maybeEmptied?: string;
}

/**
 * One change applied to one listing holding its key (the caller checked the prefix): a put adds or updates the
 * leaf, or adds the directory on its way; a delete removes the leaf. A delete inside a subdirectory cannot tell
 * whether the subdirectory is now empty: the caller decides (from the subdirectory's own listing, or a re-read).
 */
export function applyToListing(listing: LoadedListing3, change: Change3): Applied {
  const child = childOf(listing.prefix, change.key);
  if (!child || change.modRevision <= listing.revision) return { listing };
  const isDir = child.kind === "dir";
  const rowKey = isDir ? dirPrefix(listing.prefix, child.name) : change.key;
  if (beyondEnd(listing, rowKey)) return { listing: { ...listing, later: [...listing.later, change] } };
  const [index, found] = search(listing.children, rowKey);
  const key = keyDisplay(rowKey);
  const id = rowIdOf({ kind: isDir ? "dir" : "leaf", key });
  const at = found && listing.children[index]!.kind === (isDir ? "dir" : "leaf");
  if (isDir) {
    if (change.type === "delete") return { listing, maybeEmptied: key };
    if (at) return { listing };
    return { listing: { ...listing, children: spliced(listing.children, index, 0, { kind: "dir", name: childDisplay(child), key }) }, changed: id };
  }
  if (change.type === "delete") return at ? { listing: { ...listing, children: spliced(listing.children, index, 1) }, changed: id } : { listing };
  const leaf: Child3 = {
    kind: "leaf",
    name: childDisplay(child),
    key,
    createRevision: String(change.createRevision),
    modRevision: String(change.modRevision),
    version: String(change.version),
    lease: change.lease ?? "0",
  };
  return { listing: { ...listing, children: spliced(listing.children, index, at ? 1 : 0, leaf) }, changed: id };
}

function spliced<T>(items: readonly T[], start: number, remove: number, ...insert: T[]): T[] {
  const copy = items.slice();
  copy.splice(start, remove, ...insert);
  return copy;
}

export interface EventsApplied {
  listings: Listings3;
  /** Rows added or changed. */
  changed: string[];
  /** Directories to read again: a subdirectory of theirs may have lost its last key. */
  reread: string[];
}

/**
 * Live changes applied to every loaded listing they fall in (or only to `only`, a listing just read, for the
 * changes heard while it was read). Deeper listings go first, so a subdirectory's own listing says whether a
 * delete emptied it: then its row goes from its parent; when it is not listed (or only in part), the parent is
 * read again.
 */
export function applyChanges(listings: Listings3, changes: readonly Change3[], only?: string): EventsApplied {
  const next = new Map(listings);
  const changed: string[] = [];
  const reread = new Set<string>();
  let touched = false;
  const dirs = [...next.entries()]
    .filter((entry): entry is [string, LoadedListing3] => entry[1].status === "loaded" && (only === undefined || entry[0] === only))
    .sort((a, b) => b[1].prefix.length - a[1].prefix.length)
    .map(([dir]) => dir);
  for (const change of changes) {
    for (const dir of dirs) {
      const listing = next.get(dir) as LoadedListing3;
      if (!startsWithBytes(change.key, listing.prefix)) continue;
      const applied = applyToListing(listing, change);
      let result = applied.listing;
      if (applied.changed) changed.push(applied.changed);
      if (applied.maybeEmptied !== undefined) {
        const sub = next.get(applied.maybeEmptied);
        if (sub?.status === "loaded" && sub.resumeKey === null) {
          if (sub.children.length === 0) result = withoutChild(result, applied.maybeEmptied);
          // Its own re-read may find it empty: then this row must go too.
          else if (reread.has(applied.maybeEmptied)) reread.add(dir);
        } else reread.add(dir);
      }
      if (result !== listing) {
        next.set(dir, result);
        touched = true;
      }
    }
  }
  // Nothing listed changed: the same map, so the tree does not flatten its rows again for a change elsewhere.
  return { listings: touched ? next : listings, changed, reread: [...reread] };
}

function withoutChild(listing: LoadedListing3, dirKey: string): LoadedListing3 {
  const index = listing.children.findIndex((c) => c.kind === "dir" && c.key === dirKey);
  return index < 0 ? listing : { ...listing, children: spliced(listing.children, index, 1) };
}
