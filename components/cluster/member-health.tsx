"use client";
import { useTranslations } from "use-intl";
import type { MemberOverview } from "@/lib/api/cluster-overview";

const STYLE: Record<MemberOverview["health"], { dot: string; text: string }> = {
  healthy: { dot: "bg-success", text: "text-success" },
  unhealthy: { dot: "bg-warning", text: "text-warning" },
  unreachable: { dot: "bg-danger-solid", text: "text-danger" },
  unstarted: { dot: "bg-line-strong", text: "text-muted" },
};

/**
 * Health as words (the dot is decoration), with the reason when the member is not healthy: worded here by health,
 * with the server's (English) reason only as the detail of a member that did not answer.
 */
export function MemberHealth({ member }: { member: Pick<MemberOverview, "health" | "reason"> }) {
  const style = STYLE[member.health];
  const t = useTranslations("cluster.members");
  return (
    <div>
      <span className={`inline-flex items-center gap-1.5 font-medium ${style.text}`}>
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
        {t("healthState", { health: member.health })}
      </span>
      {member.health === "healthy" ? null : <p className="text-xs text-muted">{t(`reasons.${member.health}`, { detail: member.reason ?? "" })}</p>}
    </div>
  );
}
