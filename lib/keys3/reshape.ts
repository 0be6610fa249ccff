// etcd v3 key states as the API shows them (lib/api/keys3.ts): keys as display forms, values as base64 plus their
// text when they are UTF-8 (so the editor needs no decoding), revisions and lease ids as decimal strings.
import "server-only";
import type { KeyState3, Value3 } from "@/lib/api/keys3";
import type { KeyValue3 } from "@/lib/etcd3";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";

// ignoreBOM: a value that starts with a byte order mark keeps it in its text (the text must be the exact bytes).
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The value's bytes in base64, and its text when they are valid UTF-8 (v3 values are any bytes, §1.2). */
export function value3(bytes: Buffer): Value3 {
  const base64 = bytes.toString("base64");
  try {
    return { base64, text: strictUtf8.decode(bytes) };
  } catch {
    return { base64 };
  }
}

export function keyState3(kv: KeyValue3): KeyState3 {
  return {
    key: keyDisplay(kv.key),
    value: value3(kv.value),
    createRevision: kv.createRevision,
    modRevision: kv.modRevision,
    version: kv.version,
    lease: kv.lease,
  };
}
