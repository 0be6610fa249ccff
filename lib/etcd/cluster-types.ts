// What the client knows about a cluster's members (cluster-status.ts builds them): types only, so that
// the HTTP API's contract (lib/api/) and the browser can type-import them without any of the client.
import type { EtcdError } from "./errors";
import type { LeaderStats, SelfStats, StoreStats, Versions } from "./wire";

export type MemberHealth = "healthy" | "unhealthy" | "unreachable" | "unstarted";

export interface MemberStatus {
  id: string;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  /** From the member's own /health (etcd keeps listing dead members in /v2/members). */
  health: MemberHealth;
  /** Why it is not healthy, in plain words. */
  reason?: string;
  version?: Versions;
}

export interface ClusterHealth {
  /** More than half the members are healthy: writes can commit. */
  quorum: boolean;
  healthyCount: number;
  memberCount: number;
  members: MemberStatus[];
}

/**
 * One member as one poll of the cluster saw it: health and version, self and store stats. `E` is how a
 * failure is kept: the client's EtcdError on the server, its summary in the API's answer.
 */
export interface MemberSnapshot<E = EtcdError> extends MemberStatus {
  isLeader: boolean;
  self?: SelfStats;
  store?: StoreStats;
  /** Why self / store stats are missing (the member is down, or answered something unexpected). */
  statsError?: E;
}

export interface ClusterSnapshot<E = EtcdError> {
  /**
   * Which etcd API listed the members: "v3" on a cluster that does not serve v2 (etcd 3.6, --enable-v2=false,
   * or configured for v3 alone), where v2's leader, self and store stats and machines do not exist.
   */
  api: "v2" | "v3";
  quorum: boolean;
  healthyCount: number;
  memberCount: number;
  members: MemberSnapshot<E>[];
  /** The leader's id, as the members that answer agree on it; undefined without a leader. */
  leaderId?: string;
  leaderStats?: LeaderStats;
  leaderStatsError?: E;
  /** Client URLs of started members, dead ones included (etcd's own list). */
  machines: string[];
}
