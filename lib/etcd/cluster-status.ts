// What the dashboard knows about a cluster's members: health from each member's own answer, and the
// Cluster page's snapshot (health, version, stats, leader). Shapes of any etcd, not of v2's wire.
import "server-only";
import type { ClusterHealth, MemberStatus } from "./cluster-types";
import type { EtcdError } from "./errors";
import type { Member } from "./wire";

export type { ClusterHealth, ClusterSnapshot, MemberHealth, MemberSnapshot, MemberStatus } from "./cluster-types";

/** A member's identity as a status starts from. */
export function memberIdentity(member: Member): Pick<MemberStatus, "id" | "name" | "peerURLs" | "clientURLs"> {
  return { id: member.id, name: member.name, peerURLs: member.peerURLs, clientURLs: member.clientURLs };
}

/** The health of a member that answered, with why it is not healthy. */
export function answeredHealth(healthy: boolean): Pick<MemberStatus, "health" | "reason"> {
  return healthy
    ? { health: "healthy", reason: undefined }
    : { health: "unhealthy", reason: "the member answers but reports unhealthy (no leader, or no quorum)" };
}

/** The health of a member that did not answer: never started (no client URL yet), or unreachable. */
export function silentHealth(endpoint: string | null, error: EtcdError): Pick<MemberStatus, "health" | "reason"> {
  return endpoint === null ? { health: "unstarted", reason: "added to the cluster but never started" } : { health: "unreachable", reason: error.message };
}

/** Counts the healthy members; writes commit while more than half of them are. */
export function quorumOf(members: readonly MemberStatus[]): Pick<ClusterHealth, "quorum" | "healthyCount" | "memberCount"> {
  const healthyCount = members.filter((m) => m.health === "healthy").length;
  return { quorum: healthyCount > members.length / 2, healthyCount, memberCount: members.length };
}
