// Quorum in figures: how many members a write needs and how many more may fail.

/** Members that must be healthy for writes to commit: a strict majority. */
export function quorumSize(memberCount: number): number {
  return Math.floor(memberCount / 2) + 1;
}

export interface QuorumSummary {
  ok: boolean;
  /** Members a write needs. */
  needed: number;
  /** How many more members may fail before writes do (0 when there is no quorum). */
  spare: number;
}

/** The figures of the banner; components/cluster/cluster-banners.tsx words them from the catalogue. */
export function quorumSummary({ healthyCount, memberCount }: { healthyCount: number; memberCount: number }): QuorumSummary {
  const needed = quorumSize(memberCount);
  return { ok: healthyCount >= needed, needed, spare: Math.max(0, healthyCount - needed) };
}

export interface MembershipChange {
  memberCount: number;
  healthyCount: number;
  /** +1: a member is added (it counts as down until it joins); -1: a member is removed. */
  delta: 1 | -1;
  /** For a removal: whether the member removed is healthy. */
  removedHealthy?: boolean;
}

/** What the quorum looks like right after a membership change, before an added member joins. */
export function quorumAfter({ memberCount, healthyCount, delta, removedHealthy }: MembershipChange): { memberCount: number; needed: number; healthyCount: number; ok: boolean } {
  const after = memberCount + delta;
  const healthy = delta === 1 ? healthyCount : healthyCount - (removedHealthy ? 1 : 0);
  const needed = quorumSize(after);
  return { memberCount: after, needed, healthyCount: healthy, ok: healthy >= needed };
}
