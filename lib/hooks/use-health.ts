"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch, clusterPath } from "@/lib/api/fetcher";
import type { HealthResponse } from "@/lib/api/types";

/** Each member's health; polled, so the connection badge follows the cluster. */
export function useHealth(cluster: string) {
  return useSWR<HealthResponse, ApiError>(clusterPath(cluster, "health"), apiFetch, { refreshInterval: 10_000 });
}
