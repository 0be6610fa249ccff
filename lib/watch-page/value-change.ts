// What a change did to a value, for a compact log row: the previous value beside the new one, with the
// part that differs marked. Pure.

/** Two texts as a common prefix, the differing middles, and a common suffix. */
export interface InlineDiff {
  prefix: string;
  removed: string;
  added: string;
  suffix: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The one changed stretch between two texts (common prefix and suffix, linear time): enough for a
 * one-line row, where most changes are a counter or a flag; the details dialog has a full diff.
 * Never splits a surrogate pair, so an emoji is never cut in half.
 */
export function inlineDiff(before: string, after: string): InlineDiff {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  // The last matched unit is a pair's first half: its second half differs, so the pair belongs to the change.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end += 1;
  // Likewise when the common suffix starts with a pair's second half.
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return {
    prefix: before.slice(0, start),
    removed: before.slice(start, before.length - end),
    added: after.slice(start, after.length - end),
    suffix: before.slice(before.length - end),
  };
}

/**
 * A diff cut down for one row: long common parts keep only `context` characters next to the change,
 * long changes are cut at `max`; an ellipsis marks every cut. Values can be megabytes.
 */
export function clipDiff(diff: InlineDiff, context = 24, max = 160): InlineDiff {
  const cut = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit)}…` : text);
  return {
    prefix: diff.prefix.length > context ? `…${diff.prefix.slice(diff.prefix.length - context)}` : diff.prefix,
    removed: cut(diff.removed, max),
    added: cut(diff.added, max),
    suffix: cut(diff.suffix, context),
  };
}

/** A text cut to `max` characters with an ellipsis, for a row. */
export function clipText(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
