"use client";
import { useErrorWords } from "@/components/errors/use-error-words";
import { useConnection } from "@/lib/hooks/use-connection";

/**
 * etcd version and members healthy / total; red with the reason when etcd cannot be reached. Read from the
 * cluster monitor's shared poll (lib/hooks/use-connection.ts): every tab's badge costs etcd nothing more.
 */
export function ConnectionBadge({ cluster }: { cluster: string }) {
  const { data, error } = useConnection(cluster);
  const wordsOf = useErrorWords();
  if (error) {
    // Only the title: the connection banner above the page explains it and offers Retry.
    return (
      <div role="status" aria-label="Connection" title={error.message} className="rounded-md bg-danger-soft px-2 py-1 text-xs text-danger">
        <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-danger-solid" />
        {wordsOf(error).title}
      </div>
    );
  }
  if (!data) {
    return (
      <div role="status" aria-label="Connection" className="text-xs text-zinc-500">
        connecting…
      </div>
    );
  }
  const { healthyCount, memberCount, quorum, version } = data;
  const ok = quorum && healthyCount === memberCount;
  return (
    <div
      role="status"
      aria-label="Connection"
      className={`rounded-md px-2 py-1 text-xs ${ok ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100"}`}
    >
      <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-full ${ok ? "bg-emerald-600" : quorum ? "bg-amber-500" : "bg-red-600"}`} />
      etcd {version?.etcdserver ?? "(version unknown)"} · {healthyCount}/{memberCount} members healthy
    </div>
  );
}
