"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { KeyspaceSupport } from "@/lib/keyspaces/support";

/** The keyspaces a cluster offers (v2, v3) and its default one (GET …/keyspaces, lib/keyspaces/support.ts). */
export function useKeyspaces(cluster: string) {
  return useSWR<KeyspaceSupport, ApiError>(`/api/clusters/${encodeURIComponent(cluster)}/keyspaces`, apiFetch);
}
