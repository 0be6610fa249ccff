"use client";
import { useMemo, type ReactNode } from "react";
import { SWRConfig } from "swr";
import { useSearchParams } from "next/navigation";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { LiveKeysContext, useLiveKeys } from "@/lib/hooks/use-live-keys";

/**
 * Opens the Keys page's one live stream (a recursive watch of "/") for the cluster in the URL. It lives in
 * the keys layout, which stays mounted while the selected key changes, so navigating never reopens it. The v3
 * keyspace's pages (`?keyspace=v3`) have their own live rows: no v2 stream there.
 */
export function LiveKeysProvider({ children }: { children: ReactNode }) {
  const cluster = useClusterParam();
  const v2 = useSearchParams().get("keyspace") !== "v3";
  const { live, middleware } = useLiveKeys(cluster, v2);
  const swrConfig = useMemo(() => ({ use: [middleware] }), [middleware]);
  return (
    <LiveKeysContext value={live}>
      <SWRConfig value={swrConfig}>{children}</SWRConfig>
    </LiveKeysContext>
  );
}
