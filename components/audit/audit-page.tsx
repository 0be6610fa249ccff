"use client";
import { RefreshCw } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { auditFilterFromSearchParams, auditPageHref, isFiltered, type AuditPageFilter } from "@/lib/audit-page/filter";
import { useAccess } from "@/lib/hooks/use-access";
import { AUDIT_REFRESH_MS, useAuditLog } from "@/lib/hooks/use-audit-log";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";

/** The Audit page: every write made through the dashboard, newest first, filtered by what the URL says. */
export function AuditPage() {
  const { can } = useAccess();
  if (!can("admin")) {
    return (
      <main className="flex flex-col gap-4 p-6">
        <h1 className="text-2xl font-semibold">Audit</h1>
        <p role="alert" className="text-sm text-zinc-600 dark:text-zinc-400">
          Only admins can read the audit log.
        </p>
      </main>
    );
  }
  return <AuditLogView />;
}

function AuditLogView() {
  const searchParams = useSearchParams();
  const filter = useMemo(() => auditFilterFromSearchParams(searchParams), [searchParams]);
  const href = auditPageHref(filter);
  const log = useAuditLog(filter);
  // The native history API, which Next's router follows (useSearchParams updates): no server round trip,
  // and Back returns to the previous filter.
  const show = (next: AuditPageFilter) => {
    const nextHref = auditPageHref(next);
    if (nextHref !== href) window.history.pushState(null, "", nextHref);
  };

  return (
    <main className="flex flex-col gap-4 p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Audit</h1>
        <div className="flex items-center gap-3 text-xs text-zinc-500">
          <span>Refreshes every {AUDIT_REFRESH_MS / 1000} s while this page is visible</span>
          <Button onClick={log.refresh}>
            <RefreshCw aria-hidden size={14} className={log.refreshing ? "animate-spin" : undefined} />
            Refresh
          </Button>
        </div>
      </header>
      <AuditFilterForm key={href} filter={filter} onApply={show} />
      {log.error ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {log.loaded ? "Showing the last answer: " : ""}
          {log.error.message}
        </div>
      ) : null}
      {!log.loaded ? (
        log.error ? null : (
          <p role="status" className="text-sm text-zinc-500">
            Loading the audit log…
          </p>
        )
      ) : (
        <AuditEntries log={log} filtered={isFiltered(filter)} />
      )}
    </main>
  );
}

function AuditEntries({ log, filtered }: { log: ReturnType<typeof useAuditLog>; filtered: boolean }) {
  const { entries, hasOlder } = log;
  const older = hasOlder ? (
    <div>
      <Button onClick={log.loadOlder} disabled={log.loadingOlder}>
        {entries.length === 0 ? "Search older entries" : "Load older"}
      </Button>
    </div>
  ) : null;
  if (entries.length === 0) {
    return (
      <section aria-label="Audit entries" className="space-y-2 text-sm text-zinc-600 dark:text-zinc-400">
        <p role="status">{hasOlder ? "No entries match in the newest part of the log searched so far." : filtered ? "No entries match the filter." : "No writes recorded yet."}</p>
        {!filtered && !hasOlder ? <p>Every write made through the dashboard is recorded in {log.file}.</p> : null}
        {older}
      </section>
    );
  }
  return (
    <section aria-label="Audit entries" className="space-y-3">
      <p className="text-xs text-zinc-500">
        {entries.length} {entries.length === 1 ? "entry" : "entries"}
        {hasOlder ? " (older ones not loaded)" : ""}, newest first, from {log.file}
      </p>
      <AuditTable entries={entries} />
      {older}
    </section>
  );
}
