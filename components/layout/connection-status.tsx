"use client";
import { useConnection } from "@/lib/hooks/use-connection";

/** The connected cluster's etcd version, or why etcd cannot be reached. */
export function ConnectionStatus({ cluster }: { cluster: string }) {
  const { data, error, isLoading } = useConnection(cluster);
  if (isLoading) {
    return (
      <p role="status" className="text-sm text-zinc-500">
        Connecting to etcd…
      </p>
    );
  }
  if (error) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <p className="font-semibold">etcd cannot be reached ({error.code})</p>
        <p className="mt-1 text-sm">{error.message}</p>
      </div>
    );
  }
  return (
    // The status role goes on a wrapper: on the <dl> itself it would hide the list's meaning (axe: dlitem).
    <div role="status" aria-label="etcd version">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">etcd server</dt>
        <dd className="font-mono">{data?.version?.etcdserver ?? "unknown"}</dd>
        <dt className="text-zinc-500">cluster version</dt>
        <dd className="font-mono">{data?.version?.etcdcluster ?? "unknown"}</dd>
      </dl>
    </div>
  );
}
