"use client";
import Link from "next/link";
import useSWR from "swr";
import { useFormatter, useTranslations } from "use-intl";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { AuditLogResponse } from "@/lib/api/types";
import { auditApiPath, auditPageHref } from "@/lib/audit-page/filter";
import { keyPageHref } from "@/lib/keys-url";

const RECENT = 5;

/** The cluster's latest successful writes from the audit log (admins read it), newest first, each linking to its key. */
export function RecentWrites({ cluster }: { cluster: string }) {
  const t = useTranslations("home");
  const format = useFormatter();
  const { data } = useSWR<AuditLogResponse, ApiError>(`${auditApiPath({ cluster, result: "ok" })}&limit=${RECENT}`, apiFetch, { refreshInterval: 10_000 });
  // A failure leaves the section out: the audit page says why.
  if (!data) return null;
  return (
    // Named after its cluster: every card has one.
    <section aria-label={t("recentWritesOf", { name: cluster })} className="mt-4">
      <h4 className="text-sm font-medium">
        {t("recentWrites")}
      </h4>
      {data.entries.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t("noWrites")}</p>
      ) : (
        <ol className="mt-1 space-y-0.5 text-sm">
          {data.entries.map((entry) => (
            <li key={entry.id} className="flex min-w-0 items-baseline gap-2">
              <time dateTime={entry.time} title={entry.time} className="shrink-0 text-xs text-muted">
                {format.relativeTime(new Date(entry.time))}
              </time>
              <span className="shrink-0 text-xs text-muted">{entry.operation}</span>
              {entry.key !== undefined ? (
                <Link href={keyPageHref(cluster, entry.key)} className="truncate font-mono text-info underline">
                  {entry.key}
                </Link>
              ) : (
                <span className="truncate font-mono">{entry.member}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      <Link href={auditPageHref({ cluster })} className="mt-1 inline-block text-xs text-info underline">
        {t("allWrites", { name: cluster })}
      </Link>
    </section>
  );
}
