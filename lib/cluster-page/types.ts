// Browser-side names for parts of the overview (the server module is imported for its types only).
import type { ClusterStatus } from "@/lib/cluster-monitor/overview";

/** The overview's status when etcd answered the member list. */
export type ReachableClusterStatus = Extract<ClusterStatus, { ok: true }>;
export type LeaderStatsData = NonNullable<ReachableClusterStatus["leaderStats"]>;
