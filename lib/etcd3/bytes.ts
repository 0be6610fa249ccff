// Keys and values are arbitrary bytes in v3 (etcd-v3-api.md §1.2): the client takes strings (UTF-8) or
// bytes and hands back Buffers. Range ends are byte arithmetic on the key.
import "server-only";

export type Bytes = string | Uint8Array;

export function toBuffer(bytes: Bytes): Buffer {
  if (typeof bytes === "string") return Buffer.from(bytes, "utf8");
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `range_end` "\0": every key at or after `key` (§3.1). With key "\0" too: the whole keyspace (§0.6). */
export const END_OF_KEYSPACE = Buffer.from([0]);

/**
 * The range end of every key that starts with `prefix` (§3.1, §4.1): trailing 0xff bytes dropped, then the
 * last byte plus one ("a/" -> "a0"). An empty prefix, or one of 0xff bytes only, has no end: "\0".
 */
export function prefixEnd(prefix: Bytes): Buffer {
  const bytes = toBuffer(prefix);
  let last = bytes.length - 1;
  while (last >= 0 && bytes[last] === 0xff) last -= 1;
  if (last < 0) return END_OF_KEYSPACE;
  const end = Buffer.from(bytes.subarray(0, last + 1));
  end[last] = end[last]! + 1;
  return end;
}

/** The smallest key after `key` (key + "\0"): where the next page of a listing starts (§4). */
export function keyAfter(key: Bytes): Buffer {
  return Buffer.concat([toBuffer(key), Buffer.of(0)]);
}
