"use client";
import useSWR, { useSWRConfig } from "swr";
import { useCallback } from "react";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { KeyResponse } from "@/lib/api/types";
import { keyReadPath } from "@/lib/keys-url";
import { revalidateReads } from "@/lib/swr/revalidate";
import { singleFlight } from "@/lib/swr/single-flight";

/** SWR key of one key or directory listing (sorted: in-order keys come in order). */
export function keySwrKey(cluster: string, key: string): string {
  return keyReadPath(cluster, key);
}

/**
 * Reads of keys by SWR key, one request per key at a time: the key panel's read of a directory and the
 * tree's read of the same listing (lib/hooks/use-listings.ts) are one request.
 */
export const keyReads = singleFlight((swrKey) => apiFetch<KeyResponse>(swrKey));

/** A key, or a directory with its children (one level). `null` key: nothing to load. */
export function useKey(cluster: string, key: string | null) {
  return useSWR<KeyResponse, ApiError>(key === null ? null : keySwrKey(cluster, key), keyReads.read, {
    revalidateOnFocus: false,
    keepPreviousData: false,
  });
}

/**
 * Re-reads cached keys by SWR key, wherever they are shown (lib/swr/revalidate.ts): the one way to
 * revalidate a key's read (`dropData`: its cached data goes first).
 */
export function useRevalidateReads() {
  const { cache, mutate } = useSWRConfig();
  return useCallback(
    (swrKeys: Iterable<string>, options?: { dropData?: boolean }) => revalidateReads({ cache, mutate, forget: keyReads.forget }, swrKeys, options),
    [cache, mutate],
  );
}

/** Re-reads keys of `cluster` (a key, a directory listing) after a change. */
export function useRevalidateKeys() {
  const revalidate = useRevalidateReads();
  return useCallback((cluster: string, ...keys: string[]) => revalidate(keys.map((k) => keySwrKey(cluster, k))), [revalidate]);
}
