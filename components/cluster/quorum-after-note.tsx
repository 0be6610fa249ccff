import { useTranslations } from "use-intl";
import { quorumAfter, type MembershipChange } from "@/lib/cluster-page/quorum";

/** What a membership change does to the quorum, in red when writes would fail right after it. */
export function QuorumAfterNote({ change }: { change: MembershipChange }) {
  const after = quorumAfter(change);
  const t = useTranslations("cluster.quorum");
  const outcome = after.ok ? "ok" : change.delta === 1 ? "join" : "recover";
  return (
    <p className={`text-sm ${after.ok ? "" : "font-medium text-danger"}`}>
      {t("after", { members: after.memberCount, needed: after.needed, healthy: after.healthyCount, outcome })}
    </p>
  );
}
