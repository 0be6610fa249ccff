"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch, clusterPath } from "@/lib/api/fetcher";
import type { ConnectionSummary } from "@/lib/api/cluster-overview";

/**
 * etcd's version and members' health for the connection badge and the home page, polled; the server answers
 * from the cluster monitor's shared poll, so many tabs cost etcd no more than one. The error says why etcd
 * cannot be reached.
 */
export function useConnection(cluster: string) {
  return useSWR<ConnectionSummary, ApiError>(clusterPath(cluster, "connection"), apiFetch, { refreshInterval: 10_000 });
}
