// The tree's filter: a case-insensitive substring of a child's name. Pure.

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
