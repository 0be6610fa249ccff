"use client";
import useSWR, { useSWRConfig } from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch, clusterPath } from "@/lib/api/fetcher";
import type { ClusterOverview } from "@/lib/api/cluster-overview";
import { sinceOf, withHistory } from "@/lib/cluster-page/history";

const FIRST_INTERVAL_MS = 2_000;

/**
 * The Cluster page's resource, polled at the server's own interval (SWR pauses while the tab is hidden:
 * no one looking, no polling). Each poll asks only for samples newer than those held and appends them.
 */
export function useClusterOverview(cluster: string) {
  const key = clusterPath(cluster, "overview");
  const { cache } = useSWRConfig();
  const interval = (cache.get(key)?.data as ClusterOverview | undefined)?.intervalMs ?? FIRST_INTERVAL_MS;
  return useSWR<ClusterOverview, ApiError>(
    key,
    async (path: string) => {
      const previous = cache.get(path)?.data as ClusterOverview | undefined;
      const since = sinceOf(previous?.samples);
      const latest = await apiFetch<ClusterOverview>(since === undefined ? path : `${path}?since=${since}`);
      return withHistory(previous, latest);
    },
    {
      refreshInterval: (data) => data?.intervalMs ?? FIRST_INTERVAL_MS,
      // SWR reuses an answer for `dedupingInterval` (2 s by default): below the interval, or a 1 s interval
      // would poll every 2 s.
      dedupingInterval: Math.min(interval / 2, FIRST_INTERVAL_MS),
      keepPreviousData: false,
    },
  );
}
