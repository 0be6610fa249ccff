"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { Dir3Response, Key3Response } from "@/lib/api/keys3";
import { dir3ReadPath, key3ReadPath } from "@/lib/api/keys3-client";
import { singleFlight } from "@/lib/swr/single-flight";

// The v3 Keys page's reads, through SWR keyed by their route paths (lib/api/keys3-client.ts), so the tree and the
// key panel reading the same directory share one request and one cache entry, and the one revalidation of the app
// (useRevalidateReads in use-key.ts) re-reads them by path.

/** One request per path at a time: the panel's and the tree's read of the same listing are one. */
export const keys3Reads = singleFlight((path) => apiFetch<Key3Response | Dir3Response>(path));

const OPTIONS = { revalidateOnFocus: false, keepPreviousData: false } as const;

/** A v3 key: value, revisions, lease. `null`: nothing to load. */
export function useKey3(cluster: string, key: Uint8Array | null) {
  return useSWR<Key3Response, ApiError>(key === null ? null : key3ReadPath(cluster, key), keys3Reads.read as (path: string) => Promise<Key3Response>, OPTIONS);
}

/** The first page of a v3 directory's children (the root is the empty prefix). `null`: nothing to load. */
export function useDir3(cluster: string, dir: Uint8Array | null) {
  return useSWR<Dir3Response, ApiError>(dir === null ? null : dir3ReadPath(cluster, dir), keys3Reads.read as (path: string) => Promise<Dir3Response>, OPTIONS);
}
