"use client";
import { SWRConfig } from "swr";
import type { ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  return <SWRConfig value={{ revalidateOnFocus: true, shouldRetryOnError: true, errorRetryInterval: 3_000 }}>{children}</SWRConfig>;
}
