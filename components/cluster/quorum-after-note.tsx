import { quorumAfter, type MembershipChange } from "@/lib/cluster-page/quorum";

/** What a membership change does to the quorum, in red when writes would fail right after it. */
export function QuorumAfterNote({ change }: { change: MembershipChange }) {
  const after = quorumAfter(change);
  const count = `${after.memberCount} member${after.memberCount === 1 ? "" : "s"}`;
  return (
    <p className={`text-sm ${after.ok ? "" : "font-medium text-danger"}`}>
      The cluster then has {count} and needs {after.needed} of them healthy for writes
      {after.ok ? "." : `; only ${after.healthyCount} would be, so writes will fail until ${change.delta === 1 ? "the new member joins" : "more members are healthy"}.`}
    </p>
  );
}
