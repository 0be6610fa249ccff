"use client";
import { RefreshCw } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { auditFilterFromSearchParams, auditPageHref, isFiltered, type AuditPageFilter } from "@/lib/audit-page/filter";
import { useAccess } from "@/lib/hooks/use-access";
import { AUDIT_REFRESH_MS, useAuditLog } from "@/lib/hooks/use-audit-log";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";

/** The Audit page: every write made through the dashboard, newest first, filtered by what the URL says. */
export function AuditPage() {
  const t = useTranslations("audit");
  const { can } = useAccess();
  if (!can("admin")) {
    return (
      <main className="flex flex-col gap-4 p-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="text-sm text-muted">
          {t("adminsOnly")}
        </p>
      </main>
    );
  }
  return <AuditLogView />;
}

function AuditLogView() {
  const t = useTranslations("audit");
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
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex items-center gap-3 text-xs text-muted">
          <span>{t("refreshesEvery", { seconds: AUDIT_REFRESH_MS / 1000 })}</span>
          <Button onClick={log.refresh}>
            <RefreshCw aria-hidden size={14} className={log.refreshing ? "animate-spin" : undefined} />
            {t("refresh")}
          </Button>
        </div>
      </header>
      <AuditFilterForm key={href} filter={filter} onApply={show} />
      {log.error ? (
        <div role="alert" className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning">
          {log.loaded ? t("lastAnswer", { error: log.error.message }) : log.error.message}
        </div>
      ) : null}
      {!log.loaded ? (
        log.error ? null : (
          <p role="status" className="text-sm text-muted">
            {t("loading")}
          </p>
        )
      ) : (
        <AuditEntries log={log} filtered={isFiltered(filter)} />
      )}
    </main>
  );
}

function AuditEntries({ log, filtered }: { log: ReturnType<typeof useAuditLog>; filtered: boolean }) {
  const t = useTranslations("audit");
  const { entries, hasOlder } = log;
  const older = hasOlder ? (
    <div>
      <Button onClick={log.loadOlder} disabled={log.loadingOlder}>
        {entries.length === 0 ? t("searchOlder") : t("loadOlder")}
      </Button>
    </div>
  ) : null;
  if (entries.length === 0) {
    return (
      <section aria-label={t("entries")} className="space-y-2 text-sm text-muted">
        <p role="status">{hasOlder ? t("noMatchSoFar") : filtered ? t("noMatch") : t("noWrites")}</p>
        {!filtered && !hasOlder ? <p>{t("recordedIn", { file: log.file ?? "" })}</p> : null}
        {older}
      </section>
    );
  }
  return (
    <section aria-label={t("entries")} className="space-y-3">
      <p className="text-xs text-muted">{t("count", { count: entries.length, file: log.file ?? "", older: hasOlder ? "yes" : "no" })}</p>
      <AuditTable entries={entries} />
      {older}
    </section>
  );
}
