"use client";
import { SWRConfig, type SWRConfiguration } from "swr";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/api/errors";
import { loginPath } from "@/lib/dashboard-auth/login-target";
import { createObservableCache } from "@/lib/swr/observable-cache";

/** A session that ended (expired, logged out in another tab, the server restarted) sends the browser to log in again. */
function onError(error: unknown) {
  if (error instanceof ApiError && error.code === "unauthenticated" && !window.location.pathname.startsWith("/login")) {
    window.location.assign(loginPath(window.location.pathname + window.location.search));
  }
}

// The cache is observable (lib/swr/observable-cache.ts): the key tree's listings follow it without a mounted
// useSWR per directory. SWR calls `provider` once per mount of this SWRConfig: one cache per tab (per request on the server).
const config: SWRConfiguration = { revalidateOnFocus: true, shouldRetryOnError: true, errorRetryInterval: 3_000, onError, provider: createObservableCache };

export function Providers({ children }: { children: ReactNode }) {
  return <SWRConfig value={config}>{children}</SWRConfig>;
}
