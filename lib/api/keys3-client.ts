// The browser's calls to the v3 keys and leases routes (the contract: lib/api/keys3.ts). Keys go as their bytes,
// encoded as every v3 URL encodes them (lib/keyspace3/key-url.ts); each call returns the route's shape or throws an
// ApiError with its code (a refused compare: `compare_failed` with the key's `current` state).
import { encodeKeyParam } from "@/lib/keyspace3/key-url";
import { apiFetch, clusterPath } from "./fetcher";
import type { Dir3Response, Key3Response, Lease3Response, PutKey3Body, Write3Response } from "./keys3";

/** `…/v3/keys?key=` (or `dir=`), with any further query parameters already encoded. */
function keys3Path(cluster: string, param: "key" | "dir", bytes: Uint8Array, extra = ""): string {
  return `${clusterPath(cluster, "v3/keys")}?${param}=${encodeKeyParam(bytes)}${extra}`;
}

/** The read path of a v3 key: also its SWR key (lib/hooks/use-keys3.ts). */
export const key3ReadPath = (cluster: string, key: Uint8Array) => keys3Path(cluster, "key", key);

/**
 * The read path of one page of a directory's children: the first page, or the one after `resume` (a truncated
 * listing's revision and resumeKey, read as the display form the route answered). Also its SWR key.
 */
export function dir3ReadPath(cluster: string, dir: Uint8Array, resume?: { revision: string; from: Uint8Array }): string {
  return keys3Path(cluster, "dir", dir, resume ? `&revision=${resume.revision}&from=${encodeKeyParam(resume.from)}` : "");
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export const getKey3 = (cluster: string, key: Uint8Array) => apiFetch<Key3Response>(key3ReadPath(cluster, key));

export const getDir3 = (cluster: string, dir: Uint8Array, resume?: { revision: string; from: Uint8Array }) =>
  apiFetch<Dir3Response>(dir3ReadPath(cluster, dir, resume));

/** Save (compare-and-swap on `modRevision`) or create only if absent (`create: true`); `ttl` grants, keeps or detaches a lease. */
export const putKey3 = (cluster: string, key: Uint8Array, body: PutKey3Body) => apiFetch<Write3Response>(keys3Path(cluster, "key", key), json("PUT", body));

/** Compare-and-delete: refused (412 compare_failed with `current`) when the key changed since `modRevision`. */
export const deleteKey3 = (cluster: string, key: Uint8Array, modRevision: string) =>
  apiFetch<Write3Response>(keys3Path(cluster, "key", key, `&modRevision=${modRevision}`), { method: "DELETE" });

/**
 * Deletes a directory's keys as listed at `seenAt`, each compared on its mod revision: the response is the route's
 * JSON-lines stream (progress, kept / failed keys, done), for the caller to read as it comes.
 */
export function deleteDir3Request(cluster: string, dir: Uint8Array, seenAt: string, signal?: AbortSignal): Promise<Response> {
  return fetch(keys3Path(cluster, "dir", dir, `&seenAt=${seenAt}`), { method: "DELETE", signal, headers: { accept: "application/x-ndjson" } });
}

const leasePath = (cluster: string, id: string) => clusterPath(cluster, `v3/leases/${encodeURIComponent(id)}`);

/** A lease's TTL and every key attached to it (what a revoke deletes). */
export const getLease3 = (cluster: string, id: string) => apiFetch<Lease3Response>(leasePath(cluster, id));

/** One keepalive: the lease is back to its granted TTL. */
export const refreshLease3 = (cluster: string, id: string) => apiFetch<{ id: string; ttl: number }>(leasePath(cluster, id), { method: "POST" });

/** Revokes the lease: every key attached to it is deleted. */
export const revokeLease3 = (cluster: string, id: string) => apiFetch<{ id: string; revision: string }>(leasePath(cluster, id), { method: "DELETE" });
