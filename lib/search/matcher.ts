// The search itself, pure: the pattern, what counts as a name or value match, the excerpt around a
// match, and a walk over a recursive listing that stops whenever it is told to (the server runs it in
// short batches on a worker thread, lib/search/search-worker.ts). No server or browser APIs.
import type { V2Node } from "@/lib/etcd/wire";
import { countTree } from "@/lib/tree/count";
import type { Excerpt, SearchMatch, Span } from "./query";

export interface PatternOptions {
  q: string;
  regex: boolean;
  caseSensitive: boolean;
}

/**
 * The RegExp a search uses. Plain text is escaped, so both kinds share one engine: with the `i` flag,
 * case folding keeps offsets (unlike toLowerCase, which can change a string's length). `u`: a pattern
 * is read as Unicode (`.` is a whole character, `\u{…}` works) and malformed escapes are refused.
 */
export function compilePattern({ q, regex, caseSensitive }: PatternOptions): { pattern: RegExp } | { error: string } {
  const source = regex ? q : q.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  try {
    return { pattern: new RegExp(source, caseSensitive ? "gu" : "giu") };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : String(error);
    return { error: `not a valid regular expression: ${message}` };
  }
}

/**
 * Where `pattern` (global) matches `path` so that the match reaches into its last segment, which starts
 * at `nameStart`: the matches a left-to-right scan finds, as an editor highlights them. So a pattern may
 * span directories ("web/port"), but a matching directory is reported once, not again with every key
 * below it.
 */
export function nameMatch(pattern: RegExp, path: string, nameStart: number): Span | null {
  pattern.lastIndex = 0;
  for (;;) {
    const found = pattern.exec(path);
    if (!found) return null;
    const start = found.index;
    const end = start + found[0].length;
    if (end > nameStart || start >= nameStart) return [start, end];
    if (found[0].length === 0) pattern.lastIndex = end + 1;
  }
}

/** Characters around a match in an excerpt, and the most of a long match it shows. */
const EXCERPT = { before: 40, after: 80, match: 120 } as const;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The first match of `pattern` (global) in `value`, as an excerpt; null when it does not match. */
export function valueMatch(pattern: RegExp, value: string): Excerpt | null {
  pattern.lastIndex = 0;
  const found = pattern.exec(value);
  return found ? excerptAround(value, found.index, found.index + found[0].length) : null;
}

/**
 * A short, single-line piece of `text` around [start, end): never the whole of a huge value, never half
 * of a surrogate pair, control characters and line breaks as spaces (one for one, so offsets hold).
 */
export function excerptAround(text: string, start: number, end: number, size: { before: number; after: number; match: number } = EXCERPT): Excerpt {
  const shownEnd = Math.min(end, start + size.match);
  let from = Math.max(0, start - size.before);
  let to = Math.min(text.length, shownEnd + size.after);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from -= 1;
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to += 1;
  let matchEnd = shownEnd;
  if (matchEnd < to && isLow(text.charCodeAt(matchEnd)) && isHigh(text.charCodeAt(matchEnd - 1))) matchEnd += 1;
  return {
    text: text.slice(from, to).replace(CONTROL, " "),
    match: [start - from, matchEnd - from],
    cut: { before: from > 0, after: to < text.length },
  };
}

/** Walks a tree depth first in listing order (etcd's sorted order: parents before their children). */
export class TreeCursor {
  private readonly stack: { nodes: V2Node[]; next: number }[];

  constructor(root: V2Node) {
    this.stack = [{ nodes: root.nodes ?? [], next: 0 }];
  }

  next(): V2Node | undefined {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      if (top.next >= top.nodes.length) {
        this.stack.pop();
        continue;
      }
      const node = top.nodes[top.next++]!;
      if (node.nodes && node.nodes.length > 0) this.stack.push({ nodes: node.nodes, next: 0 });
      return node;
    }
    return undefined;
  }
}

export interface SubtreeSearchOptions extends PatternOptions {
  in: "name" | "value" | "both";
  /** Stop after this many matches. */
  limit: number;
}

/**
 * One search of one listing, run a batch at a time: `step` looks at nodes until told to stop, and returns
 * what matched meanwhile.
 */
export class SubtreeSearch {
  readonly total: number;
  readonly size: { keys: number; dirs: number };
  scanned = 0;
  found = 0;
  /** The key being matched (for a message when a pattern takes too long). */
  current: string | null = null;
  private readonly cursor: TreeCursor;
  private readonly pattern: RegExp;
  private readonly prefixLength: number;
  private finished = false;

  constructor(
    root: V2Node,
    dir: string,
    private readonly options: SubtreeSearchOptions,
  ) {
    const compiled = compilePattern(options);
    if ("error" in compiled) throw new Error(compiled.error);
    this.pattern = compiled.pattern;
    this.size = countTree(root);
    this.total = this.size.keys + this.size.dirs;
    this.cursor = new TreeCursor(root);
    this.prefixLength = dir === "/" ? 1 : dir.length + 1;
  }

  /** Nothing left to look at, or the limit was reached. */
  get done(): boolean {
    return this.finished || this.found >= this.options.limit;
  }

  /** Stopped at the limit with nodes left unexamined: there may be more matches. */
  get capped(): boolean {
    return this.found >= this.options.limit && this.scanned < this.total;
  }

  /** Examines nodes until `stop()` says so, `maxMatches` were found, or the search is done. */
  step(stop: () => boolean, maxMatches = Infinity): SearchMatch[] {
    const matches: SearchMatch[] = [];
    while (!this.done && matches.length < maxMatches) {
      const node = this.cursor.next();
      if (!node) {
        this.finished = true;
        break;
      }
      this.scanned += 1;
      const match = this.match(node);
      if (match) {
        matches.push(match);
        this.found += 1;
      }
      if (stop()) break;
    }
    this.current = null;
    return matches;
  }

  /** Whether one node matches, by name (its path below the searched directory) and/or by value. */
  match(node: V2Node): SearchMatch | null {
    const key = node.key;
    this.current = key;
    const path = key.slice(this.prefixLength);
    const name = this.options.in === "value" ? null : nameMatch(this.pattern, path, path.lastIndexOf("/") + 1);
    const value = this.options.in === "name" || node.dir ? null : valueMatch(this.pattern, node.value ?? "");
    if (!name && !value) return null;
    return { key, ...(node.dir ? { dir: true as const } : {}), ...(name ? { name } : {}), ...(value ? { value } : {}) };
  }
}
