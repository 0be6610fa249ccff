// etcd (Go) sorts a directory's children by comparing key strings byte by byte, that is in UTF-8 byte
// order, which is code point order. JavaScript's `<` compares UTF-16 code units, which puts characters
// above U+FFFF (surrogate pairs, 0xD800-0xDFFF) before U+E000-U+FFFF. Live updates insert keys into
// listings etcd sorted, so they must use etcd's order. Pure.

/** Negative, zero or positive as `a` sorts before, with or after `b` in etcd's (UTF-8 byte) order. */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000-U+FFFF, so code units compare in code point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Index of the node with `key` in `nodes` (sorted by compareKeys), or -(insertion point) - 1. */
export function searchSorted(nodes: readonly { key: string }[], key: string): number {
  let low = 0;
  let high = nodes.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const order = compareKeys(nodes[mid]!.key, key);
    if (order < 0) low = mid + 1;
    else if (order > 0) high = mid - 1;
    else return mid;
  }
  return -low - 1;
}
