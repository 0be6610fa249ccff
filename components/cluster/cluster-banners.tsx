"use client";
import { useTranslations } from "use-intl";
import { useErrorWords } from "@/components/errors/use-error-words";
import type { ErrorSummary } from "@/lib/api/cluster-overview";
import { quorumSummary } from "@/lib/cluster-page/quorum";

const ALERT = "rounded-md border border-danger-line bg-danger-soft p-4 text-danger";

/** Red while fewer than a majority of members are healthy; a quiet line otherwise. */
export function QuorumBanner({ healthyCount, memberCount }: { healthyCount: number; memberCount: number }) {
  const summary = quorumSummary({ healthyCount, memberCount });
  const t = useTranslations("cluster.quorum");
  const figures = { healthy: healthyCount, members: memberCount, needed: summary.needed };
  if (!summary.ok) {
    return (
      <div role="alert" className={ALERT}>
        <p className="font-semibold">{t("lost", figures)}</p>
      </div>
    );
  }
  const allHealthy = healthyCount === memberCount;
  return (
    <p role="status" className={`text-sm ${allHealthy ? "text-success" : "text-warning"}`}>
      {t("ok", { ...figures, spare: summary.spare })}
    </p>
  );
}

/**
 * Why the dashboard could not read the cluster at all, in the shared words, with etcd's own detail and, when v2
 * is off, how to turn it on. Not an alert: the connection banner above the page is the one alert.
 */
export function ClusterUnavailable({ error }: { error: ErrorSummary }) {
  const words = useErrorWords()(error);
  const t = useTranslations("cluster");
  return (
    <section aria-label={words.title} className="rounded-md border border-danger-line bg-danger-soft p-4 text-danger">
      <p className="font-semibold">{words.title}</p>
      <p className="mt-1 text-sm">{words.explanation}</p>
      {error.code === "etcd_v2_disabled" ? (
        <p className="mt-2 text-sm">{t.rich("v2Enable", { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
      ) : (
        <p className="mt-1 text-sm">{words.action}</p>
      )}
      <p className="mt-2 font-mono text-xs">{error.message}</p>
    </section>
  );
}
