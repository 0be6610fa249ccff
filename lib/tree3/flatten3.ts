// The open part of the v3 tree flattened into the rows the v2 tree renders (lib/tree/flatten.ts NodeRow and
// StatusRow), so the same row component, virtualizer and keyboard model serve both keyspaces. A row's `key` is its
// id (rowIdOf: a key and a directory can share a display form); `title` is the key or prefix itself. Pure.
import { statusRowOf, type NodeRow, type TreeRow } from "@/lib/tree/flatten";
import { ancestorsOfDir, ancestorsOfKey, keyDisplay } from "@/lib/keyspace3/key-bytes";
import type { V3KeyTarget } from "@/lib/keyspace3/key-url";
import { rowIdOf, type Listings3 } from "./listings3";

/** The root: the empty prefix, always open. */
export const ROOT3 = "";

export interface Flattened3 {
  rows: TreeRow[];
  /** Every open directory reached from the root: the listings the tree must read. */
  openDirs: string[];
  /** Row index -> directory, for each truncated listing's "more" row: its next page is read once it is in view. */
  moreRows: ReadonlyMap<number, string>;
}

export function isOpen3(open: ReadonlyMap<string, boolean>, dir: string): boolean {
  return dir === ROOT3 || open.get(dir) === true;
}

/**
 * The rows, depth first in listing order. `emptyName` names the leaf whose name is empty (a key equal to its
 * directory's prefix, such as `a/` in `a/`): a row needs a visible and accessible name.
 */
export function flattenTree3(listings: Listings3, open: ReadonlyMap<string, boolean>, emptyName: string): Flattened3 {
  const rows: TreeRow[] = [];
  const openDirs: string[] = [];
  const moreRows = new Map<number, string>();
  const visit = (dir: string, depth: number) => {
    openDirs.push(dir);
    const listing = listings.get(dir);
    if (!listing || listing.status !== "loaded") {
      rows.push(statusRowOf(dir, depth, listing));
      return;
    }
    const setSize = listing.children.length;
    listing.children.forEach((child, i) => {
      const isDir = child.kind === "dir";
      const childListing = isDir ? listings.get(child.key) : undefined;
      const complete = childListing?.status === "loaded" && childListing.resumeKey === null;
      const childCount = complete ? childListing.children.length : undefined;
      const opened = isDir && isOpen3(open, child.key);
      const row: NodeRow = {
        kind: "node",
        key: rowIdOf(child),
        title: child.key,
        name: child.name === "" ? emptyName : child.name,
        placeholderName: child.name === "",
        depth,
        isDir,
        isOpen: opened,
        ttl: undefined,
        expiration: undefined,
        modifiedIndex: undefined,
        childCount,
        hasChildren: isDir ? (childCount === undefined ? undefined : childCount > 0) : false,
        setSize,
        posInSet: i + 1,
      };
      rows.push(row);
      if (opened) visit(child.key, depth + 1);
    });
    if (listing.resumeKey !== null) {
      const page = listing.page;
      moreRows.set(rows.length, dir);
      rows.push(
        typeof page === "object"
          ? { kind: "error", key: `${dir}#more`, dir, depth, message: page.error, errorKind: page.kind }
          : { kind: "loading", key: `${dir}#more`, dir, depth },
      );
    }
  };
  visit(ROOT3, 1);
  return { rows, openDirs, moreRows };
}

/** The row id the URL selects (null at the root). */
export function selectedRowId(target: V3KeyTarget): string | null {
  if (target.kind === "root") return null;
  return target.kind === "key" ? rowIdOf({ kind: "leaf", key: keyDisplay(target.key) }) : rowIdOf({ kind: "dir", key: keyDisplay(target.prefix) });
}

/** The directories a link opens: the way to the key or directory, and a linked directory itself (it shows its children). */
export function dirsToOpen(target: V3KeyTarget): string[] {
  if (target.kind === "root") return [];
  if (target.kind === "key") return ancestorsOfKey(target.key).map(keyDisplay).filter((d) => d !== ROOT3);
  return [...ancestorsOfDir(target.prefix), target.prefix].map(keyDisplay).filter((d) => d !== ROOT3);
}
