"use client";
import { useFormatter, useTranslations } from "use-intl";
import { useConnection } from "@/lib/hooks/use-connection";
import { useKey } from "@/lib/hooks/use-key";
import { useDir3 } from "@/lib/hooks/use-keys3";

const V3_ROOT = new Uint8Array();

/**
 * Health, leader, members and the number of top-level keys (the root listing's children, not a recursive
 * count: that would read the whole keyspace), from the shared poll and the root listing the Keys page also
 * reads: v2's root, or v3's on a cluster polled over v3 (no v2). Nothing while they load or fail: the version
 * line beside it says why etcd cannot be reached.
 */
export function ClusterFacts({ cluster }: { cluster: string }) {
  const t = useTranslations("home");
  const format = useFormatter();
  const { data } = useConnection(cluster);
  const root = useKey(cluster, data?.api === "v2" ? "/" : null);
  const root3 = useDir3(cluster, data?.api === "v3" ? V3_ROOT : null);
  if (!data) return null;
  const topKeys = data.api === "v3" ? topKeys3(root3, t, format.number) : root.data?.node?.dir ? format.number(root.data.node.nodes?.length ?? 0) : undefined;
  // Without a majority of healthy members writes fail: the health line says so in the danger colour.
  const facts: { term: string; value: string; danger?: boolean }[] = [
    { term: t("health"), value: t("healthy", { healthy: data.healthyCount, total: data.memberCount }), danger: !data.quorum },
    { term: t("leader"), value: data.leader ?? t("noLeader"), danger: data.leader === undefined },
    { term: t("members"), value: format.number(data.memberCount) },
    ...(topKeys !== undefined ? [{ term: t("topKeys"), value: topKeys }] : []),
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

/** v3's root children: the first page's count ("at least" when there are more pages), or why there is no number. */
function topKeys3(root3: ReturnType<typeof useDir3>, t: ReturnType<typeof useTranslations<"home">>, number: (n: number) => string): string | undefined {
  if (root3.data) return root3.data.truncated ? t("atLeast", { count: number(root3.data.children.length) }) : number(root3.data.children.length);
  return root3.error ? t("notCounted") : undefined;
}
