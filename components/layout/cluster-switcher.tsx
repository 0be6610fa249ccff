"use client";
import { usePathname, useRouter } from "next/navigation";
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { useRegisterCommands } from "@/lib/commands/registry";
import { useClusters } from "@/lib/hooks/use-clusters";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";

/** Picks one of the configured clusters; the choice lives in the URL (`?cluster=`). */
export function ClusterSwitcher({ cluster }: { cluster: string }) {
  const { data } = useClusters();
  const t = useTranslations("layout");
  const router = useRouter();
  const pathname = usePathname();
  const names = data?.clusters.map((c) => c.name) ?? [cluster];
  const switchTo = (next: string) => {
    // Keys differ between clusters: switching opens the root of the other cluster.
    const base = pathname.startsWith("/keys") ? "/keys" : pathname;
    router.push(next === DEFAULT_CLUSTER_NAME ? base : `${base}?cluster=${encodeURIComponent(next)}`);
  };
  const commands = useMemo(
    () =>
      (data?.clusters ?? [])
        .filter((c) => c.name !== cluster)
        .map((c) => ({ id: `cluster ${c.name}`, label: t("switchToCluster", { name: c.name }), group: t("clustersGroup"), run: () => switchTo(c.name) })),
    [data, cluster, pathname, router, t], // switchTo reads only pathname and router
  );
  useRegisterCommands("clusters", commands);
  return (
    <label className="flex flex-col gap-1 text-xs text-muted">
      {t("cluster")}
      <select
        className="rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-fg"
        value={cluster}
        onChange={(event) => switchTo(event.target.value)}
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
