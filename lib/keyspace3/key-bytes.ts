// v3 keys are arbitrary bytes (etcd-v3-api.md §1.2: "Bytes fields are Buffers of arbitrary bytes: don't assume
// UTF-8"). This module gives them a text form people can read and type, exact both ways, and splits them on "/"
// one level at a time. Pure and browser-safe: Uint8Array only (a Node Buffer is one).
//
// The display form:
// - valid UTF-8 is shown as itself;
// - a byte that does not start a valid UTF-8 sequence is `\xHH` (two lower-case hex digits), one byte each;
// - control characters are escaped too, so a name cannot hide a newline or reorder its own text: C0 controls
//   and DEL as `\xHH` (they are one byte), and the other invisible or look-alike code points (C1 controls,
//   format characters such as the bidi overrides, line and paragraph separators, spaces other than U+0020) as
//   `\u{H…}`. ZWJ and ZWNJ stay as they are: emoji sequences and Persian, Indic and other scripts need them.
//   U+FFFD (the replacement character) is `\u{fffd}` too, so a display form never holds one: one found in a URL
//   parameter means a decoder replaced bytes that were not UTF-8 (key-url.ts refuses it).
// - a backslash is `\\`.
// Every piece of the display form stands for exactly the bytes it was made from, so parseKeyDisplay returns the
// same bytes for every byte string (the round-trip test runs over random bytes).

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/** Code points escaped as `\u{…}` although they are valid UTF-8: invisible, or they change how text around reads. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\ufffd]/u;
const KEPT_AS_IS = new Set([0x20, 0x200c, 0x200d]);

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string (for names typed as plain text: no escapes are read). */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * The length of the valid UTF-8 sequence starting at `i` (1-4), or 0 when the byte there does not start one.
 * The rules of RFC 3629: no overlong forms, no surrogates (U+D800-U+DFFF), nothing above U+10FFFF.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (at: number, low = 0x80, high = 0xbf) => at < bytes.length && bytes[at]! >= low && bytes[at]! <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, low, high) && cont(i + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, low, high) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

function decodeSequence(bytes: Uint8Array, i: number, length: number): number {
  const b0 = bytes[i]!;
  if (length === 1) return b0;
  let codePoint = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[i + k]! & 0x3f);
  return codePoint;
}

function hexByte(byte: number): string {
  return "\\x" + byte.toString(16).padStart(2, "0");
}

/** The display form of key bytes (see the top of this file); "" for no bytes. */
export function keyDisplay(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    // The common case first: printable ASCII other than the backslash.
    if (byte >= 0x20 && byte < 0x7f && byte !== BACKSLASH) {
      out += String.fromCharCode(byte);
      i++;
      continue;
    }
    if (byte === BACKSLASH) {
      out += "\\\\";
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length <= 1) {
      out += hexByte(byte); // a C0 control, DEL, or a byte that is not UTF-8
      i++;
      continue;
    }
    const codePoint = decodeSequence(bytes, i, length);
    const char = String.fromCodePoint(codePoint);
    out += INVISIBLE.test(char) && !KEPT_AS_IS.has(codePoint) ? `\\u{${codePoint.toString(16)}}` : char;
    i += length;
  }
  return out;
}

/** Why a display form cannot be read back into bytes; `index` is the offset (in UTF-16 units) of the problem. */
export type KeyDisplayProblem =
  | { code: "badEscape"; index: number }
  | { code: "badHex"; index: number }
  | { code: "badCodePoint"; index: number }
  | { code: "loneSurrogate"; index: number };

export type KeyDisplayParse = { ok: true; bytes: Uint8Array } | { ok: false; problem: KeyDisplayProblem };

/** A display-form problem in English (for the API's error envelope and the URL schema). */
export function keyDisplayProblemMessage(problem: KeyDisplayProblem): string {
  const at = `at character ${problem.index + 1}`;
  switch (problem.code) {
    case "badEscape":
      return `unknown escape ${at}: a backslash starts \\xHH (one byte), \\u{HEX} (a character) or \\\\ (a backslash)`;
    case "badHex":
      return `\\x needs two hex digits ${at}`;
    case "badCodePoint":
      return `\\u{…} needs 1 to 6 hex digits of a character (at most 10FFFF, not a surrogate) ${at}`;
    case "loneSurrogate":
      return `half of a UTF-16 surrogate pair ${at} is not a character`;
  }
}

const HEX2 = /^[0-9a-fA-F]{2}$/;
const CODE_POINT = /^\\u\{([0-9a-fA-F]{1,6})\}/;

/** The bytes a display form stands for; a problem (never an exception) for a malformed escape. */
export function parseKeyDisplay(text: string): KeyDisplayParse {
  const out: number[] = [];
  const pushCodePoint = (codePoint: number) => {
    for (const byte of encoder.encode(String.fromCodePoint(codePoint))) out.push(byte);
  };
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit !== BACKSLASH) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) return { ok: false, problem: { code: "loneSurrogate", index: i } };
      if (codePoint < 0x80) out.push(codePoint);
      else pushCodePoint(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const kind = text[i + 1];
    if (kind === "\\") {
      out.push(BACKSLASH);
      i += 2;
    } else if (kind === "x") {
      const hex = text.slice(i + 2, i + 4);
      if (!HEX2.test(hex)) return { ok: false, problem: { code: "badHex", index: i } };
      out.push(parseInt(hex, 16));
      i += 4;
    } else if (kind === "u") {
      const match = CODE_POINT.exec(text.slice(i, i + 10));
      const codePoint = match ? parseInt(match[1]!, 16) : -1;
      if (!match || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        return { ok: false, problem: { code: "badCodePoint", index: i } };
      }
      pushCodePoint(codePoint);
      i += match[0].length;
    } else {
      return { ok: false, problem: { code: "badEscape", index: i } };
    }
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** Byte order, as etcd orders keys (negative, zero or positive). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function startsWithBytes(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// The tree. A directory is a prefix: empty (the root) or ending with "/". Its children are the keys directly
// under it (leaves, named by the rest of the key) and the directories one "/" further down (named by the
// segment before that "/"). The root is the empty prefix, not "/", because v3 keys need not start with "/":
// the root lists `foo` and `registry/` beside a directory named "" (shown as "/") that holds every key starting
// with "/", such as Kubernetes' `/registry/…`. One rule at every level, nothing hidden, and `foo` and `/foo` (two
// different keys) never meet in one row. The rule also gives, with no special case:
// - empty segments: `a//b` is the leaf `b` in the directory `a//`, itself the directory "" in `a/`;
// - a key that is also a prefix: `a/b` is a leaf of `a/` and `a/b/c` makes `b` a directory of `a/`: both shown
//   (etcd-v3-api.md §4.1);
// - a key ending with "/": `a/` is a leaf named "" in the directory `a/`;
// - `0xff` bytes anywhere (the listing's range end handles an all-0xff prefix: list-children.ts).

export type KeyChild = { kind: "leaf"; name: Uint8Array } | { kind: "dir"; name: Uint8Array };

/**
 * The tree's order of a directory's children: byte order of the leaf's key and of the directory's prefix (its
 * name and "/"), which is the order etcd returns their keys in. It is not the order of the names alone: the
 * directory `a` (keys `a/…`) comes after the leaf `a!` ("!" < "/"), and "\x00/…" before "/…".
 */
export function compareChildren(a: KeyChild, b: KeyChild): number {
  for (let i = 0; ; i++) {
    const x = sortByteAt(a, i);
    const y = sortByteAt(b, i);
    if (x !== y) return x - y;
    if (x < 0) return 0;
  }
}

/** Byte `i` of the child's key or prefix below the directory (name, then "/" for a directory); -1 past its end. */
function sortByteAt(child: KeyChild, i: number): number {
  if (i < child.name.length) return child.name[i]!;
  return child.kind === "dir" && i === child.name.length ? SLASH : -1;
}

/** True for a directory prefix: empty (the root) or ending with "/". */
export function isDirPrefix(prefix: Uint8Array): boolean {
  return prefix.length === 0 || prefix[prefix.length - 1] === SLASH;
}

/** What `key` is in the directory `prefix`: a leaf, a directory holding it, or null when it is not under `prefix`. */
export function childOf(prefix: Uint8Array, key: Uint8Array): KeyChild | null {
  if (!startsWithBytes(key, prefix)) return null;
  const rest = key.subarray(prefix.length);
  const slash = rest.indexOf(SLASH);
  return slash < 0 ? { kind: "leaf", name: rest } : { kind: "dir", name: rest.subarray(0, slash) };
}

/** The prefix of the directory `name` in `prefix`: prefix + name + "/". */
export function dirPrefix(prefix: Uint8Array, name: Uint8Array): Uint8Array {
  return concat(prefix, name, Uint8Array.of(SLASH));
}

/** The key of the leaf `name` in `prefix`. */
export function leafKey(prefix: Uint8Array, name: Uint8Array): Uint8Array {
  return concat(prefix, name);
}

/** The directory a key lies in: the key up to and including its last "/" (the root for a top-level name). */
export function parentOfKey(key: Uint8Array): Uint8Array {
  return key.subarray(0, key.lastIndexOf(SLASH) + 1);
}

/** The directory a directory prefix lies in (the root for the root). A key ending with "/" is not the same thing: see parentOfKey. */
export function parentOfDir(prefix: Uint8Array): Uint8Array {
  return prefix.length === 0 ? prefix : parentOfKey(prefix.subarray(0, prefix.length - 1));
}

/** The directories to open to show the key, from the root down to the one holding it. */
export function ancestorsOfKey(key: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [new Uint8Array(0)];
  for (let i = 0; i < key.length; i++) if (key[i] === SLASH) out.push(key.subarray(0, i + 1));
  return out;
}

/** The directories to open to show a directory's row, from the root down, without the directory itself ([] for the root). */
export function ancestorsOfDir(prefix: Uint8Array): Uint8Array[] {
  return prefix.length === 0 ? [] : ancestorsOfKey(prefix.subarray(0, prefix.length - 1));
}

/**
 * How a tree row names a child: its display form; a directory ends with "/", so the directory "" reads "/". The
 * leaf "" (a key ending with "/", such as `a/` in `a/`) reads "": the tree words it in the page's language.
 */
export function childDisplay(child: KeyChild): string {
  return child.kind === "dir" ? keyDisplay(child.name) + "/" : keyDisplay(child.name);
}
