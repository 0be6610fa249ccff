// The v3 key panel's value as the editor holds it, and what a save sends. v3 stores bytes (etcd-v3-api.md §0.1):
// a value that is UTF-8 is edited as text; one that is not (or a file stored with "Store a file…") stays bytes,
// shown as hex / base64 and sent back as base64, so no byte is ever decoded into text and mangled. Pure and
// browser-safe.
import type { LeaseInfo3, PutKey3Body, Value3 } from "@/lib/api/keys3";
import { base64ToBytes, bytesToBase64, utf8Bytes } from "@/lib/binary/value-bytes";

export type Draft3 = { kind: "text"; text: string } | { kind: "bytes"; base64: string };

/** The stored value as a draft: its text when the route found it UTF-8, its bytes otherwise. */
export function draftOf(value: Value3): Draft3 {
  return value.text !== undefined ? { kind: "text", text: value.text } : { kind: "bytes", base64: value.base64 };
}

/** A draft of raw bytes (a stored file). */
export function bytesDraft(bytes: Uint8Array): Draft3 {
  return { kind: "bytes", base64: bytesToBase64(bytes) };
}

/** The draft's bytes in base64: what etcd would hold after a save. */
export function draftBase64(draft: Draft3): string {
  return draft.kind === "bytes" ? draft.base64 : bytesToBase64(utf8Bytes(draft.text));
}

/** The draft's bytes when they are not text to edit (null for a text draft). */
export function draftBytes(draft: Draft3): Uint8Array | null {
  if (draft.kind === "text") return null;
  // base64ToBytes answers null for "" (the empty value): no bytes is an empty array here.
  return base64ToBytes(draft.base64) ?? new Uint8Array(0);
}

/** Whether the draft holds exactly the stored bytes (so there is nothing to save). */
export function sameValue(draft: Draft3, value: Value3): boolean {
  if (draft.kind === "text" && value.text !== undefined) return draft.text === value.text;
  return draftBase64(draft) === value.base64;
}

/** The value part of a PUT body: text when it is text (the route stores its UTF-8), base64 otherwise. */
export function valueBody(draft: Draft3): Pick<PutKey3Body, "text" | "base64"> {
  return draft.kind === "text" ? { text: draft.text } : { base64: draft.base64 };
}

/** The draft as words for a side-by-side comparison: its text, or its bytes in base64 (said so). */
export function draftComparable(draft: Draft3): string {
  return draft.kind === "text" ? draft.text : `base64: ${draft.base64}`;
}

/**
 * When the key's lease runs out, from its TTL as read at `readAt` (ms), for the countdown; undefined without a
 * lease. etcd truncates the TTL to whole seconds and answers -1 once the lease is gone (§7): then it is now.
 */
export function leaseExpiration(lease: LeaseInfo3 | null, readAt: number): string | undefined {
  if (!lease) return undefined;
  return new Date(readAt + Math.max(0, lease.ttl) * 1000).toISOString();
}

/** Whether revision `a` is after `b` (decimal strings: they go above 2^53, §0.2). */
export function revisionAfter(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}
