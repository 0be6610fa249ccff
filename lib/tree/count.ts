// What a recursive listing holds: shown before a search of it and in a directory's Delete dialog. Pure.
import type { V2Node } from "@/lib/etcd/wire";

/** Keys and directories below `root` (not counting it). Iterative: a deep tree cannot overflow the stack. */
export function countTree(root: V2Node): { keys: number; dirs: number } {
  let keys = 0;
  let dirs = 0;
  const pending: V2Node[][] = [root.nodes ?? []];
  while (pending.length > 0) {
    for (const node of pending.pop()!) {
      if (node.dir) {
        dirs += 1;
        if (node.nodes) pending.push(node.nodes);
      } else {
        keys += 1;
      }
    }
  }
  return { keys, dirs };
}
