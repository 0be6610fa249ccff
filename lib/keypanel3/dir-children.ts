// What the v3 directory panel shows of its children and when a live change makes it read them again. Pure.
import type { Child3 } from "@/lib/api/keys3";
import { childOf, dirPrefix, keyDisplay, leafKey } from "@/lib/keyspace3/key-bytes";

/** Children the panel lists; the rest are the tree's (virtualized) to browse: a big directory never floods the DOM. */
export const PANEL_CHILDREN = 100;

/** A child's identity in a listing: a key and a directory can share a display form (`a/` is both). */
export const childId = (child: Pick<Child3, "kind" | "key">): string => `${child.kind}:${child.key}`;

/**
 * Whether a change of `key` can change the list of `prefix`'s children (a new child, or a listed one gone), as
 * opposed to a value under it or a key deep in a subdirectory that is listed anyway. A delete inside a listed
 * subdirectory counts: it may have been that directory's last key.
 */
export function changesChildren(prefix: Uint8Array, listed: ReadonlySet<string>, change: { type: "put" | "delete"; key: Uint8Array }): boolean {
  const child = childOf(prefix, change.key);
  if (!child) return false;
  const id = child.kind === "dir" ? childId({ kind: "dir", key: keyDisplay(dirPrefix(prefix, child.name)) }) : childId({ kind: "leaf", key: keyDisplay(leafKey(prefix, child.name)) });
  return change.type === "put" ? !listed.has(id) : listed.has(id);
}
