import type { ErrorSummary } from "@/lib/api/cluster-overview";
import { quorumSummary } from "@/lib/cluster-page/quorum";

const ALERT = "rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100";

/** Red while fewer than a majority of members are healthy; a quiet line otherwise. */
export function QuorumBanner({ healthyCount, memberCount }: { healthyCount: number; memberCount: number }) {
  const summary = quorumSummary({ healthyCount, memberCount });
  if (!summary.ok) {
    return (
      <div role="alert" className={ALERT}>
        <p className="font-semibold">{summary.text}</p>
      </div>
    );
  }
  const allHealthy = healthyCount === memberCount;
  return (
    <p role="status" className={`text-sm ${allHealthy ? "text-emerald-800 dark:text-emerald-300" : "text-amber-800 dark:text-amber-300"}`}>
      {summary.text}
    </p>
  );
}

/** Why the dashboard could not read the cluster at all, and what to do when v2 is off. */
export function ClusterUnavailable({ error }: { error: ErrorSummary }) {
  if (error.code === "etcd_v2_disabled") {
    return (
      <div role="alert" className={ALERT}>
        <p className="font-semibold">This etcd does not serve the v2 API</p>
        <p className="mt-1 text-sm">{error.message}</p>
        <p className="mt-2 text-sm">
          Restart every member of etcd 3.4 or 3.5 with <code className="font-mono">--enable-v2=true</code> (or <code className="font-mono">ETCD_ENABLE_V2=true</code>). etcd 3.6 removed the v2
          API: this dashboard cannot manage a 3.6 cluster.
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className={ALERT}>
      <p className="font-semibold">etcd cannot be reached ({error.code})</p>
      <p className="mt-1 text-sm">{error.message}</p>
    </div>
  );
}
