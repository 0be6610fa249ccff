"use client";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useErrorWords } from "@/components/errors/use-error-words";
import { Button } from "@/components/ui/button";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import type { ClusterOverview as Overview, MemberOverview } from "@/lib/api/cluster-overview";
import type { ReachableClusterStatus } from "@/lib/api/cluster-overview";
import { clusterVersions } from "@/lib/cluster-page/versions";
import { useFormat } from "@/lib/i18n/format";
import { useAccess } from "@/lib/hooks/use-access";
import { useClusterOverview } from "@/lib/hooks/use-cluster-overview";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { AddMemberDialog } from "./add-member-dialog";
import { ClusterUnavailable, QuorumBanner } from "./cluster-banners";
import { ClusterConfiguration, ConnectionSettings } from "./cluster-settings";
import { LeaderStats } from "./leader-stats";
import { MembersTable } from "./members-table";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { Section } from "./section";
import { SelfStatsTable } from "./self-stats-table";
import { StoreStats } from "./store-stats";
import { StatsWithoutV2 } from "./stats-without-v2";

/** The Cluster page: is etcd healthy, and if not, why. */
export function ClusterOverview() {
  const cluster = useClusterParam();
  const { data, error, mutate } = useClusterOverview(cluster);
  const t = useTranslations("cluster");
  const wordsOf = useErrorWords();
  const format = useFormat();
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title", { cluster })}</h1>
        {data ? <p className="text-xs text-muted">{t("polled", { time: format.dateTime(data.at), interval: format.duration(data.intervalMs / 1000) })}</p> : null}
      </header>
      {error ? (
        <div role="alert" className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning">
          {data ? t("showingLastAnswer", { title: wordsOf(error).title }) : wordsOf(error).title}
        </div>
      ) : null}
      {!data ? (
        error ? null : (
          <SkeletonRows label={t("loading")} rows={6} />
        )
      ) : data.status.ok ? (
        <ReachableCluster cluster={cluster} overview={data} status={data.status} onChanged={() => void mutate()} />
      ) : (
        <>
          <ClusterUnavailable error={data.status.error} />
          <Section id="configuration-heading" title={t("sections.configuration")}>
            <ConnectionSettings connection={data.connection} />
          </Section>
        </>
      )}
    </main>
  );
}

function ReachableCluster({ cluster, overview, status, onChanged }: { cluster: string; overview: Overview; status: ReachableClusterStatus; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<MemberOverview | null>(null);
  const versions = clusterVersions(status.members);
  // Membership changes are for admins, and not on a read-only cluster; they go through v2 (over v3: issue [14]).
  const { canManage: mayManage } = useAccess(cluster);
  const withoutV2 = status.api === "v3";
  const canManage = mayManage && !withoutV2;
  const t = useTranslations("cluster");
  return (
    <>
      <QuorumBanner healthyCount={status.healthyCount} memberCount={status.memberCount} />
      <Section
        id="members-heading"
        title={t("sections.members")}
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              <Plus aria-hidden size={16} />
              {t("add.title")}
            </Button>
          ) : null
        }
      >
        <MembersTable members={status.members} onRemove={canManage ? setRemoving : undefined} />
        {mayManage && withoutV2 ? <p className="mt-2 text-sm text-muted">{t("withoutV2.membership")}</p> : null}
      </Section>
      {withoutV2 ? (
        <StatsWithoutV2 status={status} />
      ) : (
        <>
          <Section id="leader-heading" title={t("sections.leader")}>
            <LeaderStats stats={status.leaderStats} error={status.leaderStatsError} members={status.members} samples={overview.samples} intervalMs={overview.intervalMs} />
          </Section>
          <Section id="self-heading" title={t("sections.memberStats")}>
            <SelfStatsTable members={status.members} />
          </Section>
          <Section id="store-heading" title={t("sections.store")}>
            <StoreStats members={status.members} samples={overview.samples} leaderId={status.leaderId} intervalMs={overview.intervalMs} />
          </Section>
        </>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Section id="version-heading" title={t("sections.version")}>
          <dl aria-label={t("versions.label")} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">{t("versions.server")}</dt>
            <dd className="font-mono">{versions.servers.join(", ") || t("versions.unknown")}</dd>
            <dt className="text-muted">{t("versions.cluster")}</dt>
            <dd className="font-mono">{versions.cluster ?? t("versions.unknown")}</dd>
          </dl>
        </Section>
        <Section id="configuration-heading" title={t("sections.configuration")}>
          <div className="space-y-4">
            <ClusterConfiguration machines={withoutV2 ? undefined : status.machines} members={status.members} clusterVersion={versions.cluster} />
            <div>
              <h3 className="mb-1 text-sm font-medium">{t("sections.connection")}</h3>
              <ConnectionSettings connection={overview.connection} />
            </div>
          </div>
        </Section>
      </div>
      <AddMemberDialog open={adding} onOpenChange={setAdding} cluster={cluster} memberCount={status.memberCount} healthyCount={status.healthyCount} onChanged={onChanged} />
      <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} cluster={cluster} memberCount={status.memberCount} healthyCount={status.healthyCount} onChanged={onChanged} />
    </>
  );
}
