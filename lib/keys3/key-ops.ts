// The v3 key operations behind the keys routes: read a key with its lease, save (compare-and-swap on the mod
// revision loaded), create only if absent, compare-and-delete. Every guarded write is one transaction whose failure
// branch reads the key (§3.3), so a refusal carries the key as it is now without a second read.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Key3Response, LeaseInfo3, PutKey3Body, Write3Response } from "@/lib/api/keys3";
import { isEtcdError } from "@/lib/etcd";
import type { Etcd3Client, GuardedWrite3, KeyValue3, PutOptions3 } from "@/lib/etcd3";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";
import { keyState3 } from "./reshape";

/** The key with its value and lease (404 key_not_found when it does not exist: no error in v3, §0.6). */
export async function readKey3(client: Etcd3Client, key: Uint8Array, signal?: AbortSignal): Promise<Key3Response> {
  const read = await client.range({ key }, signal);
  const kv = read.kvs[0];
  if (!kv) throw ApiError.of("key_not_found", `The v3 key ${keyDisplay(key)} does not exist.`);
  const { lease, ...state } = keyState3(kv);
  return { keyspace: "v3", revision: read.revision, ...state, lease: lease === "0" ? null : await leaseOf(client, lease) };
}

async function leaseOf(client: Etcd3Client, id: string): Promise<LeaseInfo3> {
  const ttl = await client.leaseTimeToLive(id);
  return { id, grantedTtl: ttl.grantedTtl, ttl: ttl.ttl };
}

/** The refusal of a guarded write, with the key as the same transaction read it (null: it does not exist). */
function refused(code: "compare_failed" | "key_exists", key: Uint8Array, current: KeyValue3 | undefined): ApiError {
  const name = keyDisplay(key);
  const message =
    code === "key_exists"
      ? `The v3 key ${name} already exists: nothing was written.`
      : current
        ? `The v3 key ${name} was changed since it was loaded (its mod revision is now ${current.modRevision}): nothing was written.`
        : `The v3 key ${name} was deleted since it was loaded: nothing was written.`;
  return ApiError.of(code, message, { current: current ? keyState3(current) : null });
}

/** Revokes a lease granted for a write that did not happen; it would expire by itself anyway. */
async function revokeQuietly(client: Etcd3Client, id: string): Promise<void> {
  await client.leaseRevoke(id).catch(() => undefined);
}

/**
 * Saves (`modRevision`) or creates (`create`) the key. The lease (§3.2): a number `ttl` grants a lease first and
 * attaches the key; `ttl: null` (or a create without ttl) writes without a lease, which detaches it; a save without
 * `ttl` keeps the key's lease (ignore_lease).
 */
export async function putKey3(client: Etcd3Client, key: Uint8Array, body: PutKey3Body): Promise<Write3Response> {
  const value = body.text !== undefined ? Buffer.from(body.text, "utf8") : Buffer.from(body.base64 ?? "", "base64");
  const lease = typeof body.ttl === "number" ? (await client.leaseGrant(body.ttl)).id : undefined;
  const keepLease = body.ttl === undefined && !body.create;
  const put: PutOptions3 = { key, value, ...(lease ? { lease } : {}), ...(keepLease ? { ignoreLease: true } : {}) };
  let result: GuardedWrite3;
  try {
    result = body.create ? await client.createIfAbsent(put) : await client.compareAndPut(put, body.modRevision!);
  } catch (error) {
    // A put that may have been applied may have attached the key to the lease: keep it.
    if (lease && !(isEtcdError(error) && error.outcomeUnknown)) await revokeQuietly(client, lease);
    throw error;
  }
  if (!result.succeeded) {
    if (lease) await revokeQuietly(client, lease);
    throw refused(body.create ? "key_exists" : "compare_failed", key, result.current);
  }
  return { keyspace: "v3", key: keyDisplay(key), revision: result.revision, ...(keepLease ? {} : { lease: lease ?? "0" }) };
}

/** Deletes the key only if its mod revision is still `modRevision` (§3.3). */
export async function deleteKey3(client: Etcd3Client, key: Uint8Array, modRevision: string): Promise<Write3Response> {
  const result = await client.compareAndDelete(key, modRevision);
  if (!result.succeeded) throw refused("compare_failed", key, result.current);
  return { keyspace: "v3", key: keyDisplay(key), revision: result.revision };
}
