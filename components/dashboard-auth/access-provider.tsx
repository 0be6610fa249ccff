"use client";
import type { ReactNode } from "react";
import type { AccessSnapshot } from "@/lib/dashboard-auth/access-view";
import { AccessContext } from "@/lib/hooks/use-access";

/** The logged-in user and the read-only switches, handed down from the server-rendered dashboard layout. */
export function AccessProvider({ value, children }: { value: AccessSnapshot; children: ReactNode }) {
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}
