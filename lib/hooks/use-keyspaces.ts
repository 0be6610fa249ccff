"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch, clusterPath } from "@/lib/api/fetcher";
import type { KeyspaceSupport } from "@/lib/keyspaces/support";

/**
 * The keyspaces the Keys page offers for `cluster` (GET …/keyspaces: v2, v3, the default, why v2 is absent). The
 * server keeps its probe for 30 s; the page asks once per cluster per visit.
 */
export function useKeyspaces(cluster: string) {
  return useSWR<KeyspaceSupport, ApiError>(clusterPath(cluster, "keyspaces"), (path: string) => apiFetch<KeyspaceSupport>(path), {
    revalidateOnFocus: false,
  });
}
