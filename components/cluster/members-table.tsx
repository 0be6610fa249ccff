"use client";
import { Crown } from "lucide-react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { MemberOverview } from "@/lib/api/cluster-overview";
import { useMemberLabel } from "./use-member-label";
import { MemberHealth } from "./member-health";
import { CELL, DataTable, MONO_CELL } from "./table";

export interface MembersTableProps {
  members: MemberOverview[];
  /** Absent: the viewer may not change membership. */
  onRemove?: (member: MemberOverview) => void;
}

export function MembersTable({ members, onRemove }: MembersTableProps) {
  const t = useTranslations("cluster.members");
  const memberLabel = useMemberLabel();
  const tCluster = useTranslations("cluster");
  // etcd refuses to remove the last member, and the cluster would be gone if it did not: say so, offer nothing.
  const onlyMember = members.length === 1;
  const columns = [t("name"), t("id"), t("peerURLs"), t("clientURLs"), t("health"), t("version"), ...(onRemove ? [<span key="a" className="sr-only">{t("actions")}</span>] : [])];
  return (
    <DataTable caption={tCluster("sections.members")} columns={columns}>
      {members.map((member) => (
        <tr key={member.id} aria-label={memberLabel(member)}>
          <th scope="row" className={`${CELL} font-medium`}>
            {member.name || <span className="text-muted">{t("notStarted")}</span>}
            {member.isLeader ? <LeaderBadge current={member.health === "healthy"} /> : null}
          </th>
          <td className={MONO_CELL}>{member.id}</td>
          <td className={MONO_CELL}>{member.peerURLs.join(", ")}</td>
          <td className={MONO_CELL}>{member.clientURLs.join(", ") || "–"}</td>
          <td className={CELL}>
            <MemberHealth member={member} />
          </td>
          <td className={MONO_CELL}>{member.version ? member.version.etcdserver : "–"}</td>
          {onRemove ? (
            <td className={`${CELL} text-right`}>
              {onlyMember ? (
                <span className="text-xs text-muted" title={t("onlyMemberWhy")}>
                  {t("onlyMember")}
                  <span className="block">{t("onlyMemberWhy")}</span>
                </span>
              ) : (
                <Button variant="secondary" onClick={() => onRemove(member)}>
                  {t.rich("remove", { member: memberLabel(member), hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                </Button>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * A member without a quorum keeps reporting itself leader in its self stats (etcd updates them only
 * through raft), so an unhealthy "leader" is shown as the last known one.
 */
function LeaderBadge({ current }: { current: boolean }) {
  const t = useTranslations("cluster.members");
  return (
    <span
      className={`ml-2 inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${current ? "bg-info-soft text-info" : "bg-subtle text-muted"}`}
    >
      <Crown aria-hidden size={12} />
      {current ? t("leader") : t("lastKnownLeader")}
    </span>
  );
}
