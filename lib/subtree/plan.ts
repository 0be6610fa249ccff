// What deleting a subtree will do, worked out from one read of it: the keys to delete by compare-and-delete
// on the index read, the directories to delete afterwards (deepest level first, the root last), and the
// nodes to leave alone because they are newer than what the user saw. Pure; lib/subtree/delete.ts runs it.
import type { V2Node } from "@/lib/etcd/wire";
import { parentOf, splitKey } from "@/lib/key-path";

/** One node of the subtree, flat, parents before their children. */
export interface FlatNode {
  key: string;
  dir: boolean;
  modifiedIndex?: number;
  createdIndex?: number;
}

export interface NewerNode {
  key: string;
  dir: boolean;
  /**
   * added: created after the user saw the subtree (a plain set of an existing key makes a new node, so it
   * counts here too); changed: a key updated in place since. Both are kept.
   */
  outcome: "added" | "changed";
}

export interface SubtreeDeletePlan {
  root: string;
  /** Deleted first, each by compare-and-delete on this modifiedIndex. */
  keys: { key: string; modifiedIndex: number }[];
  /** Then the directories, one level at a time, deepest first; the root alone in the last level. */
  dirLevels: string[][];
  /** Left alone and reported: what was created or written after `seenAt`. */
  newer: NewerNode[];
}

/** The read's nodes, parents first. Iterative: a deep tree cannot overflow the stack. */
export function flattenRead(root: V2Node): FlatNode[] {
  const out: FlatNode[] = [];
  const pending: V2Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    out.push({ key: node.key, dir: node.dir === true, modifiedIndex: node.modifiedIndex, createdIndex: node.createdIndex });
    for (const child of node.nodes ?? []) pending.push(child);
  }
  return out;
}

/**
 * Plans deleting `nodes` (parents before children, the root among them). With `seenAt` (the etcd index of
 * the read the user confirmed), a node created after it is kept with everything below it, and a key
 * written after it is kept: the user agreed to delete what they saw, not what came later.
 */
export function planSubtreeDelete(root: string, nodes: readonly FlatNode[], seenAt?: number): SubtreeDeletePlan {
  const keys: SubtreeDeletePlan["keys"] = [];
  const newer: NewerNode[] = [];
  const levels = new Map<number, string[]>();
  /** Directories created after seenAt: what is below them was added with them. */
  const addedDirs = new Set<string>();
  for (const node of nodes) {
    if (node.key !== root && addedDirs.has(parentOf(node.key))) {
      if (node.dir) addedDirs.add(node.key);
      continue;
    }
    if (seenAt !== undefined && (node.createdIndex ?? 0) > seenAt) {
      newer.push({ key: node.key, dir: node.dir, outcome: "added" });
      if (node.dir) addedDirs.add(node.key);
    } else if (node.dir) {
      const depth = splitKey(node.key).length;
      const level = levels.get(depth);
      if (level) level.push(node.key);
      else levels.set(depth, [node.key]);
    } else if (node.modifiedIndex === undefined || (seenAt !== undefined && node.modifiedIndex > seenAt)) {
      // Without an index there is nothing to compare with: never deleted blindly.
      newer.push({ key: node.key, dir: false, outcome: "changed" });
    } else {
      keys.push({ key: node.key, modifiedIndex: node.modifiedIndex });
    }
  }
  const dirLevels = [...levels.entries()].sort((a, b) => b[0] - a[0]).map(([, level]) => level);
  return { root, keys, dirLevels, newer };
}
