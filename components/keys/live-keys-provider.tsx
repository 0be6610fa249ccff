"use client";
import type { ReactNode } from "react";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { LiveKeysContext, useLiveKeys } from "@/lib/hooks/use-live-keys";

/**
 * Opens the Keys page's one live stream (a recursive watch of "/") for the cluster in the URL. It lives in
 * the keys layout, which stays mounted while the selected key changes, so navigating never reopens it.
 */
export function LiveKeysProvider({ children }: { children: ReactNode }) {
  const cluster = useClusterParam();
  const live = useLiveKeys(cluster);
  return <LiveKeysContext value={live}>{children}</LiveKeysContext>;
}
