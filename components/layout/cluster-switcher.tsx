"use client";
import { usePathname, useRouter } from "next/navigation";
import { useClusters } from "@/lib/hooks/use-clusters";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";

/** Picks one of the configured clusters; the choice lives in the URL (`?cluster=`). */
export function ClusterSwitcher({ cluster }: { cluster: string }) {
  const { data } = useClusters();
  const router = useRouter();
  const pathname = usePathname();
  const names = data?.clusters.map((c) => c.name) ?? [cluster];
  return (
    <label className="flex flex-col gap-1 text-xs text-zinc-500">
      Cluster
      <select
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        value={cluster}
        onChange={(event) => {
          const next = event.target.value;
          // Keys differ between clusters: switching opens the root of the other cluster.
          const base = pathname.startsWith("/keys") ? "/keys" : pathname;
          router.push(next === DEFAULT_CLUSTER_NAME ? base : `${base}?cluster=${encodeURIComponent(next)}`);
        }}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
