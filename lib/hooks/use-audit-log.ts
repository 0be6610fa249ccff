"use client";
import useSWRInfinite from "swr/infinite";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { AuditLogResponse } from "@/lib/api/types";
import { auditApiPath, type AuditPageFilter } from "@/lib/audit-page/filter";

/** How often the newest page is read again while the page is visible. */
export const AUDIT_REFRESH_MS = 5_000;

/**
 * The audit log for a filter, newest first, one page per "Load older". Each refresh reads the newest page
 * again; the older pages follow from its cursor, so new entries push the rest down without a gap.
 */
export function useAuditLog(filter: AuditPageFilter) {
  const swr = useSWRInfinite<AuditLogResponse, ApiError>(
    (index, previous: AuditLogResponse | null) => {
      if (index === 0) return auditApiPath(filter);
      return previous?.nextCursor === undefined ? null : auditApiPath(filter, previous.nextCursor);
    },
    apiFetch,
    { refreshInterval: AUDIT_REFRESH_MS, revalidateOnFocus: true },
  );
  const pages = swr.data ?? [];
  const last = pages.at(-1);
  return {
    entries: pages.flatMap((page) => page.entries),
    file: pages[0]?.file,
    loaded: swr.data !== undefined,
    error: swr.error,
    hasOlder: last?.nextCursor !== undefined,
    loadingOlder: swr.size > pages.length,
    loadOlder: () => void swr.setSize((size) => size + 1),
    refresh: () => void swr.mutate(),
    refreshing: swr.isValidating,
  };
}
