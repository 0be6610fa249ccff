"use client";
import { SWRConfig } from "swr";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/api/errors";
import { loginPath } from "@/lib/dashboard-auth/login-target";

/** A session that ended (expired, logged out in another tab, the server restarted) sends the browser to log in again. */
function onError(error: unknown) {
  if (error instanceof ApiError && error.code === "unauthenticated" && !window.location.pathname.startsWith("/login")) {
    window.location.assign(loginPath(window.location.pathname + window.location.search));
  }
}

export function Providers({ children }: { children: ReactNode }) {
  return <SWRConfig value={{ revalidateOnFocus: true, shouldRetryOnError: true, errorRetryInterval: 3_000, onError }}>{children}</SWRConfig>;
}
