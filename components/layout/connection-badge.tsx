"use client";
import { useTranslations } from "use-intl";
import { useErrorWords } from "@/components/errors/use-error-words";
import { useConnection } from "@/lib/hooks/use-connection";

/**
 * etcd version and members healthy / total; red with the reason when etcd cannot be reached. Read from the
 * cluster monitor's shared poll (lib/hooks/use-connection.ts): every tab's badge costs etcd nothing more.
 */
export function ConnectionBadge({ cluster }: { cluster: string }) {
  const { data, error } = useConnection(cluster);
  const wordsOf = useErrorWords();
  const t = useTranslations("layout");
  if (error) {
    // Only the title: the connection banner above the page explains it and offers Retry.
    return (
      <div role="status" aria-label={t("connection")} title={error.message} className="rounded-md bg-danger-soft px-2 py-1 text-xs text-danger">
        <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-danger-solid" />
        {wordsOf(error).title}
      </div>
    );
  }
  if (!data) {
    return (
      <div role="status" aria-label={t("connection")} className="text-xs text-muted">
        {t("connecting")}
      </div>
    );
  }
  const { healthyCount, memberCount, quorum, version } = data;
  const ok = quorum && healthyCount === memberCount;
  return (
    <div
      role="status"
      aria-label={t("connection")}
      className={`rounded-md px-2 py-1 text-xs ${ok ? "bg-success-soft text-success" : "bg-warning-soft text-warning"}`}
    >
      <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-full ${ok ? "bg-success" : quorum ? "bg-warning" : "bg-danger-solid"}`} />
      {t("badge", { version: version?.etcdserver ?? t("versionUnknown"), healthy: healthyCount, total: memberCount })}
    </div>
  );
}
