"use client";
import useSWR, { useSWRConfig } from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { KeyResponse } from "@/lib/api/types";
import { keyReadPath } from "@/lib/keys-url";

/** SWR key of one key or directory listing (sorted: in-order keys come in order). */
export function keySwrKey(cluster: string, key: string): string {
  return keyReadPath(cluster, key);
}

/** A key, or a directory with its children (one level). `null` key: nothing to load. */
export function useKey(cluster: string, key: string | null) {
  return useSWR<KeyResponse, ApiError>(key === null ? null : keySwrKey(cluster, key), apiFetch, {
    revalidateOnFocus: false,
    keepPreviousData: false,
  });
}

/** Re-reads a key and its parent directory listing after a change. */
export function useRevalidateKeys() {
  const { mutate } = useSWRConfig();
  return (cluster: string, ...keys: string[]) => Promise.all(keys.map((k) => mutate(keySwrKey(cluster, k))));
}
