// The tree's filter: a case-insensitive substring of a child's name. One rule for the tree, the directory
// panel's table and their highlights. Pure.

export function matchesFilter(name: string, text: string): boolean {
  if (text === "") return true;
  return name.toLocaleLowerCase().includes(text.toLocaleLowerCase());
}

/** "N of M": how many of `names` match `text`. */
export function filterCount(names: readonly string[], text: string): { shown: number; total: number } {
  let shown = 0;
  for (const name of names) if (matchesFilter(name, text)) shown++;
  return { shown, total: names.length };
}

/**
 * Where `text` first matches in `name` ([start, end) of `name`), for the highlight; undefined when it does not
 * match, or when lower-casing changes the name's length (a few letters do), so an offset would be wrong.
 */
export function filterSpan(name: string, text: string): [number, number] | undefined {
  if (text === "") return undefined;
  const lowerName = name.toLocaleLowerCase();
  const lowerText = text.toLocaleLowerCase();
  if (lowerName.length !== name.length || lowerText.length !== text.length) return undefined;
  const start = lowerName.indexOf(lowerText);
  return start < 0 ? undefined : [start, start + text.length];
}
