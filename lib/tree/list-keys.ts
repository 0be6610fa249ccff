// Up / down, Home / End over a flat list of rows (the directory's table, search results). Pure.

/** The row `key` moves to from row `index` of `count`, or -1 when the key is not a move (or leads nowhere). */
export function listKeyTarget(key: string, index: number, count: number): number {
  const next = key === "ArrowDown" ? index + 1 : key === "ArrowUp" ? index - 1 : key === "Home" ? 0 : key === "End" ? count - 1 : -1;
  return next >= 0 && next < count ? next : -1;
}
