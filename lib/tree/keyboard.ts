// The WAI-ARIA tree pattern's keys, as index math over the flattened rows. Status rows (loading,
// error) are skipped: only key and directory rows take focus. Pure.
import type { NodeRow, TreeRow } from "./flatten";

export type TreeAction =
  | { type: "focus"; index: number }
  | { type: "open"; key: string }
  | { type: "close"; key: string }
  | { type: "select"; key: string };

const isNode = (row: TreeRow | undefined): row is NodeRow => row?.kind === "node";

export function firstNodeIndex(rows: readonly TreeRow[]): number {
  return rows.findIndex(isNode);
}

export function lastNodeIndex(rows: readonly TreeRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (isNode(rows[i])) return i;
  return -1;
}

function step(rows: readonly TreeRow[], from: number, delta: 1 | -1): number {
  for (let i = from + delta; i >= 0 && i < rows.length; i += delta) if (isNode(rows[i])) return i;
  return from;
}

/** What `key` does with the row at `index` focused; null when the key is not the tree's. */
export function treeKeyAction(rows: readonly TreeRow[], index: number, key: string): TreeAction | null {
  const row = rows[index];
  if (!isNode(row)) {
    const first = firstNodeIndex(rows);
    return first >= 0 && ["ArrowDown", "ArrowUp", "Home", "End"].includes(key) ? { type: "focus", index: key === "End" ? lastNodeIndex(rows) : first } : null;
  }
  switch (key) {
    case "ArrowDown":
      return { type: "focus", index: step(rows, index, 1) };
    case "ArrowUp":
      return { type: "focus", index: step(rows, index, -1) };
    case "Home":
      return { type: "focus", index: firstNodeIndex(rows) };
    case "End":
      return { type: "focus", index: lastNodeIndex(rows) };
    case "ArrowRight": {
      if (!row.isDir) return null;
      if (!row.isOpen) return { type: "open", key: row.key };
      const next = rows[index + 1];
      return isNode(next) && next.depth === row.depth + 1 ? { type: "focus", index: index + 1 } : null;
    }
    case "ArrowLeft": {
      if (row.isDir && row.isOpen) return { type: "close", key: row.key };
      // The parent is the nearest row above one level up (depth first order): no key syntax needed, so the v3
      // tree, whose row ids are not paths, uses this too.
      for (let i = index - 1; i >= 0; i--) {
        const r = rows[i];
        if (isNode(r) && r.depth < row.depth) return r.depth === row.depth - 1 ? { type: "focus", index: i } : null;
      }
      return null;
    }
    case "Enter":
      return { type: "select", key: row.key };
    default:
      return null;
  }
}
