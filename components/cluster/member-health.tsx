import type { MemberOverview } from "@/lib/api/cluster-overview";

const STYLE: Record<MemberOverview["health"], { dot: string; text: string }> = {
  healthy: { dot: "bg-emerald-600", text: "text-emerald-800 dark:text-emerald-300" },
  unhealthy: { dot: "bg-amber-500", text: "text-amber-800 dark:text-amber-300" },
  unreachable: { dot: "bg-red-600", text: "text-red-800 dark:text-red-300" },
  unstarted: { dot: "bg-zinc-400", text: "text-zinc-600 dark:text-zinc-400" },
};

/** Health as words (the dot is decoration), with the reason when the member is not healthy. */
export function MemberHealth({ member }: { member: Pick<MemberOverview, "health" | "reason"> }) {
  const style = STYLE[member.health];
  return (
    <div>
      <span className={`inline-flex items-center gap-1.5 font-medium ${style.text}`}>
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
        {member.health}
      </span>
      {member.reason ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{member.reason}</p> : null}
    </div>
  );
}
