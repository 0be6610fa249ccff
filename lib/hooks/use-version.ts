"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch, clusterPath } from "@/lib/api/fetcher";
import type { VersionResponse } from "@/lib/api/types";

/** The etcd version of a cluster; the error says why etcd cannot be reached. */
export function useVersion(cluster: string) {
  return useSWR<VersionResponse, ApiError>(clusterPath(cluster, "version"), apiFetch, { refreshInterval: 10_000 });
}
