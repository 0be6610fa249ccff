// The browser's calls to the key API. Each returns etcd's shapes or throws an ApiError with a code.
import { mutate } from "swr";
import { keySwrKey } from "@/lib/hooks/use-key";
import { parentOf } from "@/lib/key-path";
import { keyApiPath } from "@/lib/keys-url";
import { apiFetch } from "./fetcher";
import type { DeleteKeyQuery, PostKeyBody, PutKeyBody } from "./schemas";
import type { KeyResponse } from "./types";

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export function getKey(cluster: string, key: string, query: { recursive?: boolean; sorted?: boolean; quorum?: boolean } = {}) {
  return apiFetch<KeyResponse>(keyApiPath(cluster, key, query));
}

export function putKey(cluster: string, key: string, body: PutKeyBody) {
  return refreshingListing(cluster, parentOf(key), apiFetch<KeyResponse>(keyApiPath(cluster, key), json("PUT", body)));
}

export function postKey(cluster: string, dir: string, body: PostKeyBody) {
  return refreshingListing(cluster, dir, apiFetch<KeyResponse>(keyApiPath(cluster, dir), json("POST", body)));
}

export function deleteKey(cluster: string, key: string, query: DeleteKeyQuery = {}) {
  const q = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>;
  return refreshingListing(cluster, parentOf(key), apiFetch<KeyResponse>(keyApiPath(cluster, key, q), { method: "DELETE" }));
}

/**
 * Re-reads the directory listing a write touched once the write has settled, whatever its outcome (a
 * failed or unknown write may still have changed etcd), so the key tree and an open directory panel
 * show new, changed and deleted keys without a manual refresh.
 */
function refreshingListing(cluster: string, dir: string, write: Promise<KeyResponse>): Promise<KeyResponse> {
  const refresh = () => void mutate(keySwrKey(cluster, dir));
  write.then(refresh, refresh);
  return write;
}
