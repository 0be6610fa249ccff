// Quorum in words: how many members a write needs, how many more may fail, and the banner's text.

/** Members that must be healthy for writes to commit: a strict majority. */
export function quorumSize(memberCount: number): number {
  return Math.floor(memberCount / 2) + 1;
}

export interface QuorumSummary {
  ok: boolean;
  text: string;
}

export function quorumSummary({ healthyCount, memberCount }: { healthyCount: number; memberCount: number }): QuorumSummary {
  const needed = quorumSize(memberCount);
  const of = `${healthyCount} of ${memberCount} member${memberCount === 1 ? "" : "s"} healthy`;
  if (healthyCount < needed) {
    return { ok: false, text: `No quorum: ${of}, ${needed} needed, so writes will fail (reads may return stale data).` };
  }
  const spare = healthyCount - needed;
  const tolerance = spare === 0 ? "no further member may fail" : `${spare} more member${spare === 1 ? "" : "s"} may fail`;
  return { ok: true, text: `Quorum: ${of} (${needed} needed); ${tolerance}.` };
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
