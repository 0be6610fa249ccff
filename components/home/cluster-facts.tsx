"use client";
import { useFormatter, useTranslations } from "use-intl";
import { useConnection } from "@/lib/hooks/use-connection";
import { useKey } from "@/lib/hooks/use-key";

/**
 * Health, leader, members and the number of top-level keys (the root listing's children, not a recursive
 * count: that would read the whole keyspace), from the shared poll and the root listing the Keys page also
 * reads. Nothing while they load or fail: the version line beside it says why etcd cannot be reached.
 */
export function ClusterFacts({ cluster }: { cluster: string }) {
  const t = useTranslations("home");
  const format = useFormatter();
  const { data } = useConnection(cluster);
  const root = useKey(cluster, data ? "/" : null);
  if (!data) return null;
  const topKeys = root.data?.node?.dir ? (root.data.node.nodes?.length ?? 0) : undefined;
  // Without a majority of healthy members writes fail: the health line says so in the danger colour.
  const facts: { term: string; value: string; danger?: boolean }[] = [
    { term: t("health"), value: t("healthy", { healthy: data.healthyCount, total: data.memberCount }), danger: !data.quorum },
    { term: t("leader"), value: data.leader ?? t("noLeader"), danger: data.leader === undefined },
    { term: t("members"), value: format.number(data.memberCount) },
    ...(topKeys !== undefined ? [{ term: t("topKeys"), value: format.number(topKeys) }] : []),
  ];
  return (
    <dl aria-label={t("facts", { name: cluster })} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {facts.map(({ term, value, danger }) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd className={danger ? "font-medium text-danger" : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
