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
