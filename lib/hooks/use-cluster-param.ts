"use client";
import { useSearchParams } from "next/navigation";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";

/** The cluster the page shows: `?cluster=` in the URL, `default` when absent. */
export function useClusterParam(): string {
  return useSearchParams().get("cluster") || DEFAULT_CLUSTER_NAME;
}
