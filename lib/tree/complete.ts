// "Go to key" completion, one segment at a time: "/apps/w" completes from the listing of "/apps"
// the children whose name starts with "w". Pure.
import { baseNameOf, joinKey, keyProblem, splitKey } from "@/lib/key-path";

export interface Completion {
  key: string;
  name: string;
  isDir: boolean;
}

/** The directory whose listing completes `input`, and the partial last segment. */
export function completionTarget(input: string): { dir: string; prefix: string } {
  const path = input.startsWith("/") ? input : "/" + input;
  const cut = path.lastIndexOf("/");
  const dir = cut <= 0 ? "/" : path.slice(0, cut);
  return { dir, prefix: path.slice(cut + 1) };
}

/** Children of the listing whose name starts with `prefix`: the name itself, exact case, then ignoring case. */
export function completionsFor(
  children: readonly { key: string; dir?: boolean }[],
  prefix: string,
  limit = 50,
): { options: Completion[]; total: number } {
  const exact: Completion[] = [];
  const loose: Completion[] = [];
  const lower = prefix.toLocaleLowerCase();
  for (const child of children) {
    const name = baseNameOf(child.key);
    if (name.startsWith(prefix)) exact.push({ key: child.key, name, isDir: child.dir === true });
    else if (name.toLocaleLowerCase().startsWith(lower)) loose.push({ key: child.key, name, isDir: child.dir === true });
  }
  // The name typed in full goes first, so Enter takes it rather than a longer one ("k7" before "k70").
  const whole = exact.findIndex((option) => option.name === prefix);
  if (whole > 0) exact.unshift(...exact.splice(whole, 1));
  const all = exact.concat(loose);
  return { options: all.slice(0, limit), total: all.length };
}

/** The input after accepting a completion: a directory gets a trailing "/" to go on completing. */
export function acceptCompletion(option: Completion): string {
  return option.isDir ? option.key + "/" : option.key;
}

/** The key a typed path names ("apps/web/" -> "/apps/web"), or null when it is not a valid key. */
export function normalizeGoTo(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "" ) return null;
  let path = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  if (path === "/") return "/";
  if (keyProblem(path) !== null) return null;
  return joinKey(splitKey(path));
}

/** Next active option for ArrowDown (+1) / ArrowUp (-1), wrapping; -1 means none active. */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}
