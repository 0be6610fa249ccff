// Values that are not text. etcd v2 values are strings (form-encoded UTF-8 in, JSON out): bytes that
// are not UTF-8 come back as U+FFFD, and control characters come back as they are. This module says
// whether a value looks like text, and shows its UTF-8 bytes as a hex dump or base64. Pure; runs in
// the browser and in Node.

/** Control characters other than tab, newline and carriage return (C0, DEL, C1), and U+FFFD. */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A lone UTF-16 surrogate (JSON can carry one as an escape; it has no UTF-8 form). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a value not text; the key panel words each in the page's language. */
export type NotTextTrait = "control" | "replacement" | "surrogate";

/** Why a value is not text (each trait it has, in a fixed order), or null when it reads as text. */
export function notTextTraits(value: string): NotTextTrait[] | null {
  if (!NOT_TEXT.test(value) && !LONE_SURROGATE.test(value)) return null;
  const traits: NotTextTrait[] = [];
  if (CONTROL.test(value)) traits.push("control");
  if (value.includes("\uFFFD")) traits.push("replacement");
  if (LONE_SURROGATE.test(value)) traits.push("surrogate");
  return traits;
}

export function isNotText(value: string): boolean {
  return notTextTraits(value) !== null;
}

/** The value's bytes as etcd stores them: its UTF-8 encoding. */
export function utf8Bytes(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A hex dump, 16 bytes a line: offset, the bytes in hex (two groups of 8), and the printable ASCII
 * column ("." for the rest), like `hexdump -C`. At most `maxBytes` are dumped.
 */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): { text: string; shown: number; total: number } {
  const shown = Math.min(bytes.length, maxBytes);
  const lines: string[] = [];
  for (let offset = 0; offset < shown; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, shown));
    let hex = "";
    let ascii = "";
    for (let i = 0; i < 16; i++) {
      if (i === 8) hex += " ";
      const byte = row[i];
      hex += byte === undefined ? "   " : `${HEX[byte]} `;
      if (byte !== undefined) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".";
    }
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${hex} |${ascii}|`);
  }
  return { text: lines.join("\n"), shown, total: bytes.length };
}

/** Standard base64 (with padding) of bytes; chunked so a 10 MiB value does not blow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes a base64 value stands for (line breaks allowed), or null when it is not strict base64. */
export function base64ToBytes(value: string): Uint8Array | null {
  const compact = value.replace(/\r?\n/g, "");
  if (compact === "" || !BASE64.test(compact)) return null;
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Whether a value looks like base64 worth offering to decode: strict base64, and long enough that a
 * word such as "true" or "password" is not taken for it.
 */
export function looksLikeBase64(value: string): boolean {
  const compact = value.replace(/\r?\n/g, "");
  return compact.length >= 12 && BASE64.test(compact);
}

/** etcd refuses form bodies over 10 MiB (after encoding). */
export const MAX_FORM_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Size of `value=<base64>` once form-encoded: letters, digits stay one byte; "+", "/" and "=" become
 * three ("%2B"). (lib/etcd's formEncodedLength does this for any value, on the server.)
 */
export function base64FormLength(base64: string): number {
  let escaped = 0;
  for (let i = 0; i < base64.length; i++) {
    const c = base64.charCodeAt(i);
    if (c === 0x2b || c === 0x2f || c === 0x3d || c === 0x0a || c === 0x0d) escaped++;
  }
  return "value=".length + base64.length + 2 * escaped;
}
