// "Did you mean …" for a typed key that does not exist: the siblings whose names are nearest to the typed
// name (few edits apart, or one containing the other, ignoring case). Pure.
import { baseNameOf } from "@/lib/key-path";

/** Levenshtein distance, two rows (names are short). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to `limit` children nearest to `name`, nearest first: within a third of the name's length in edits
 * (at least 2), or containing it / contained in it. Ties keep the listing's order.
 */
export function nearestSiblings<T extends { key: string }>(children: readonly T[], name: string, limit = 3): T[] {
  const typed = name.toLocaleLowerCase();
  if (typed === "") return [];
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  const scored: { child: T; score: number; order: number }[] = [];
  children.forEach((child, order) => {
    const other = baseNameOf(child.key).toLocaleLowerCase();
    const distance = editDistance(typed, other);
    const contains = other.includes(typed) || typed.includes(other);
    if (distance <= allowed || contains) scored.push({ child, score: contains ? Math.min(distance, allowed) : distance, order });
  });
  scored.sort((x, y) => x.score - y.score || x.order - y.order);
  return scored.slice(0, limit).map((s) => s.child);
}
