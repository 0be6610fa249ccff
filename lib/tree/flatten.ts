// The key tree's core: the open part of a lazily loaded tree, flattened into rows for a virtual list.
// Listings (one level, sorted, by directory path) are kept apart from the open/closed state, as
// react-arborist does; only directories whose listing is loaded can show children. Pure.
import type { ErrorKind } from "@/lib/api/error-kind";
import type { V2Node } from "@/lib/etcd/wire";
import { baseNameOf, joinKey, splitKey } from "@/lib/key-path";
import { matchesFilter } from "./filter";

/**
 * A directory's listing: loaded children, still loading, or the error that stopped it. A loaded listing
 * with a `total` holds only its first children (a first screen rendered on the server, lib/tree/seed.ts)
 * until the whole listing is read.
 */
export type ListingState =
  | { status: "loaded"; children: readonly V2Node[]; total?: number }
  | { status: "loading" }
  | { status: "error"; message: string; kind?: ErrorKind };

/** One visible key or directory. */
export interface NodeRow {
  kind: "node";
  /** The row's id: the key itself on v2; on v3 a key and a directory can share one (lib/tree3/flatten3.ts). */
  key: string;
  /** The key or prefix the row shows, when it is not `key` (the tooltip). */
  title?: string;
  name: string;
  /** `name` is a stand-in (a v3 key whose own name is empty): shown apart from real names. */
  placeholderName?: boolean;
  /** aria-level: children of the root are at 1. */
  depth: number;
  isDir: boolean;
  isOpen: boolean;
  ttl: number | undefined;
  expiration: string | undefined;
  modifiedIndex: number | undefined;
  /** Children in the directory's listing; undefined until it is loaded (and for keys). */
  childCount: number | undefined;
  /** True / false once the listing is loaded; undefined when unknown (and false for keys). */
  hasChildren: boolean | undefined;
  /** aria-setsize / aria-posinset among the siblings shown. */
  setSize: number;
  posInSet: number;
}

/** A directory's placeholder while its listing loads, or its error (with a retry). */
export interface StatusRow {
  kind: "loading" | "error";
  /** Unique row id: the directory + "#status". */
  key: string;
  dir: string;
  depth: number;
  message?: string;
  /** A failure with the same words everywhere (lib/api/error-kind.ts). */
  errorKind?: ErrorKind;
}

export type TreeRow = NodeRow | StatusRow;

export interface FlattenInput {
  listings: ReadonlyMap<string, ListingState>;
  /** Open directories ("/" is always open). */
  open: ReadonlyMap<string, boolean>;
  /** Only `dir`'s children whose name contains `text` (case-insensitive) are shown. */
  filter?: { dir: string; text: string } | null;
}

export interface Flattened {
  rows: TreeRow[];
  /** Every open directory reached from the root: the listings the tree must load. */
  openDirs: string[];
  /** Directories shown with a listing held (loaded, loading or failed): their child count stays current. */
  listedDirs: string[];
}

const ROOT = "/";

export function isOpen(open: ReadonlyMap<string, boolean>, dir: string): boolean {
  return dir === ROOT || open.get(dir) === true;
}

/** The rows of the open part of the tree, depth first, in listing order. */
export function flattenTree({ listings, open, filter }: FlattenInput): Flattened {
  const rows: TreeRow[] = [];
  const openDirs: string[] = [];
  const listedDirs: string[] = [];
  const visit = (dir: string, depth: number) => {
    openDirs.push(dir);
    const listing = listings.get(dir);
    if (!listing || listing.status !== "loaded") {
      rows.push(statusRowOf(dir, depth, listing));
      return;
    }
    const text = filter && filter.dir === dir ? filter.text : "";
    const children = text ? listing.children.filter((c) => matchesFilter(baseNameOf(c.key), text)) : listing.children;
    const setSize = text ? children.length : (listing.total ?? children.length);
    children.forEach((child, i) => {
      const isDir = child.dir === true;
      const childListing = isDir ? listings.get(child.key) : undefined;
      const childCount = childListing?.status === "loaded" ? (childListing.total ?? childListing.children.length) : undefined;
      const opened = isDir && isOpen(open, child.key);
      if (childListing) listedDirs.push(child.key);
      rows.push({
        kind: "node",
        key: child.key,
        name: baseNameOf(child.key),
        depth,
        isDir,
        isOpen: opened,
        ttl: child.ttl,
        expiration: child.expiration,
        modifiedIndex: child.modifiedIndex,
        childCount,
        hasChildren: isDir ? (childCount === undefined ? undefined : childCount > 0) : false,
        setSize,
        posInSet: i + 1,
      });
      if (opened) visit(child.key, depth + 1);
    });
  };
  visit(ROOT, 1);
  return { rows, openDirs, listedDirs };
}

/** The row in place of an open directory's children while its listing loads (none yet, or loading), or why it failed. */
export function statusRowOf(dir: string, depth: number, listing: { status: "loading" } | { status: "error"; message: string; kind?: ErrorKind } | undefined): StatusRow {
  return !listing || listing.status === "loading"
    ? { kind: "loading", key: `${dir}#status`, dir, depth }
    : { kind: "error", key: `${dir}#status`, dir, depth, message: listing.message, errorKind: listing.kind };
}

/** The index of the row showing `key`, or -1. */
export function rowIndexOf(rows: readonly TreeRow[], key: string): number {
  return rows.findIndex((r) => r.kind === "node" && r.key === key);
}

/** A copy of `open` with every ancestor directory of `key` open (the root needs no entry). */
export function openAncestors(open: ReadonlyMap<string, boolean>, key: string): Map<string, boolean> {
  const next = new Map(open);
  const segments = splitKey(key);
  for (let i = 1; i < segments.length; i++) next.set(joinKey(segments.slice(0, i)), true);
  return next;
}

/**
 * The tree a link to `key` opens on: its ancestors open, and `key` itself open too (a link to a directory
 * shows its children), unless the user closed it before in this tab. A key that turns out not to be a
 * directory has nothing to show: its entry is ignored.
 */
export function openForLink(open: ReadonlyMap<string, boolean>, key: string): Map<string, boolean> {
  const next = openAncestors(open, key);
  if (key !== ROOT && open.get(key) !== false) next.set(key, true);
  return next;
}

/** True when every ancestor of `key` is already open (nothing to change). */
export function ancestorsOpen(open: ReadonlyMap<string, boolean>, key: string): boolean {
  const segments = splitKey(key);
  for (let i = 1; i < segments.length; i++) if (!isOpen(open, joinKey(segments.slice(0, i)))) return false;
  return true;
}
