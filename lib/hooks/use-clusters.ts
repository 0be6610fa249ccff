"use client";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { ClusterListResponse } from "@/lib/api/types";

export function useClusters() {
  return useSWR<ClusterListResponse, ApiError>("/api/clusters", apiFetch);
}
