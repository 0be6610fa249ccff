"use client";
import { useTranslations } from "use-intl";
import type { ReachableClusterStatus } from "@/lib/api/cluster-overview";
import { Section } from "./section";
import { useMemberLabel } from "./use-member-label";

/**
 * The leader, member stats and store sections of a cluster polled over v3 (it does not serve v2): the leader from
 * the members' Status, and in plain words why v2's follower, self and store stats are not shown.
 */
export function StatsWithoutV2({ status }: { status: ReachableClusterStatus }) {
  const t = useTranslations("cluster");
  const memberLabel = useMemberLabel();
  const leader = status.members.find((m) => m.id === status.leaderId);
  return (
    <>
      <Section id="leader-heading" title={t("sections.leader")}>
        <p className="text-sm">
          {leader ? t.rich("leader.is", { name: memberLabel(leader), strong: (chunks) => <span className="font-medium">{chunks}</span> }) : t("leader.none")}
        </p>
        <p className="mt-1 text-sm text-muted">{t("withoutV2.leaderStats")}</p>
      </Section>
      <Section id="self-heading" title={t("sections.memberStats")}>
        <p className="text-sm text-muted">{t("withoutV2.memberStats")}</p>
      </Section>
      <Section id="store-heading" title={t("sections.store")}>
        <p className="text-sm text-muted">{t("withoutV2.store")}</p>
      </Section>
    </>
  );
}
