"use client";
import { createContext, useContext, useMemo } from "react";
import { accessView, type AccessSnapshot, type AccessView } from "@/lib/dashboard-auth/access-view";

/** Filled by the dashboard layout (components/dashboard-auth/access-provider.tsx), rendered on the server per request. */
export const AccessContext = createContext<AccessSnapshot | null>(null);

/** What the current user may do on `cluster` (or in general): which controls to offer. */
export function useAccess(cluster?: string): AccessView {
  const snapshot = useContext(AccessContext);
  if (!snapshot) throw new Error("useAccess() is used outside the dashboard layout's AccessProvider");
  return useMemo(() => accessView(snapshot, cluster), [snapshot, cluster]);
}
