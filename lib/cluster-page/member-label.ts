import type { MemberOverview } from "@/lib/api/cluster-overview";

/** A member's name; one added but not started yet has none (etcd reports ""), so its id stands in. */
export function memberLabel(member: Pick<MemberOverview, "id" | "name">): string {
  return member.name || `member ${member.id}`;
}
