// The browser's calls to the key API. Each returns etcd's shapes or throws an ApiError with a code.
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
  return apiFetch<KeyResponse>(keyApiPath(cluster, key), json("PUT", body));
}

export function postKey(cluster: string, dir: string, body: PostKeyBody) {
  return apiFetch<KeyResponse>(keyApiPath(cluster, dir), json("POST", body));
}

export function deleteKey(cluster: string, key: string, query: DeleteKeyQuery = {}) {
  const q = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>;
  return apiFetch<KeyResponse>(keyApiPath(cluster, key, q), { method: "DELETE" });
}
