// What Save sends: a compare-and-swap on the loaded modifiedIndex that keeps the key's TTL unless the
// user changed it (etcd drops the TTL on any write that leaves `ttl` out).
import type { V2Node } from "@/lib/etcd/wire";
import { putKeyBodySchema, type PutKeyBody } from "@/lib/api/schemas";
import { parseTtlField, remainingSeconds } from "./ttl";

export interface SaveEdits {
  value: string;
  /** The TTL field's text when the user changed it; undefined when untouched (keep the key's TTL). */
  ttl?: string;
}

export type SavePlan = { ok: true; body: PutKeyBody } | { ok: false; field: "ttl" | "value" | "key"; error: string };

export function buildSavePlan(loaded: Pick<V2Node, "modifiedIndex" | "expiration" | "ttl" | "dir">, edits: SaveEdits, now: number): SavePlan {
  if (loaded.dir) return { ok: false, field: "key", error: "a directory has no value to save" };
  if (loaded.modifiedIndex === undefined) return { ok: false, field: "key", error: "the key has no modifiedIndex to compare with" };
  const hadTtl = loaded.expiration !== undefined;
  let ttl: number | null | undefined;
  if (edits.ttl === undefined) {
    // Untouched: keep the TTL running from where it is now (etcd would otherwise make the key permanent).
    ttl = hadTtl ? Math.max(1, remainingSeconds(loaded.expiration!, now)) : undefined;
  } else {
    const field = parseTtlField(edits.ttl);
    if (!field.ok) return { ok: false, field: "ttl", error: `invalid TTL (${field.problem})` };
    ttl = field.ttl === null ? (hadTtl ? null : undefined) : field.ttl;
  }
  const body: PutKeyBody = { value: edits.value, prevIndex: loaded.modifiedIndex };
  if (ttl !== undefined) body.ttl = ttl;
  const checked = putKeyBodySchema.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, field: issue?.path[0] === "ttl" ? "ttl" : "value", error: issue?.message ?? "invalid" };
  }
  return { ok: true, body: checked.data };
}
