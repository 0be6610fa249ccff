// GET /api/clusters/:cluster/overview, the Cluster page's resource, as the browser sees it: the latest poll
// of the cluster (lib/cluster-monitor), this dashboard's connection to it, and the samples for the charts.
// Types only: the server builds it (lib/cluster-monitor/overview.ts), the browser type-imports it.
import type { ClusterSnapshot, MemberSnapshot } from "@/lib/etcd/cluster-types";
import type { ClusterSample } from "@/lib/cluster-monitor/samples";

/** A failure as the API words it (lib/api/errors.ts), without the rest of the envelope. */
export interface ErrorSummary {
  code: string;
  message: string;
  etcdCode?: number;
}

export type MemberOverview = MemberSnapshot<ErrorSummary>;

export type ClusterStatus = ({ ok: true } & ClusterSnapshot<ErrorSummary>) | { ok: false; error: ErrorSummary };

/** The status when etcd answered the member list. */
export type ReachableClusterStatus = Extract<ClusterStatus, { ok: true }>;
export type LeaderStatsData = NonNullable<ReachableClusterStatus["leaderStats"]>;

export interface ClusterOverview {
  /** When etcd was polled, ms since the epoch. */
  at: number;
  intervalMs: number;
  connection: ClusterConnectionInfo;
  status: ClusterStatus;
  samples: ClusterSample[];
}

/** What a browser may learn of a cluster's connection settings: never a secret. */
export interface ClusterConnectionInfo {
  name: string;
  endpoints: string[];
  tls: boolean;
  clientCertificate: boolean;
  auth: boolean;
  requestTimeoutMs: number;
  writeTimeoutMs: number;
  statsIntervalMs: number;
  /**
   * Where this dashboard's requests go now: the endpoint in use, and those set aside after a failure
   * (with the failure). Configured endpoints and those learned from /v2/members.
   */
  endpointStates: EndpointStatus[];
}

export interface EndpointStatus {
  url: string;
  inUse: boolean;
  /** Learned from /v2/members rather than configured. */
  learned: boolean;
  /** Avoided until this time (ms since the epoch) after a failure; absent when healthy. */
  setAsideUntil?: number;
  lastError?: string;
}

/**
 * GET /api/clusters/:cluster/connection, the sidebar badge's and the home page's view of the same shared poll:
 * etcd's version and how many members are healthy.
 */
export interface ConnectionSummary {
  /** When etcd was polled, ms since the epoch. */
  at: number;
  /** Which etcd API the poll used: "v3" on a cluster that does not serve v2 (its keys are then v3's). */
  api: "v2" | "v3";
  /** The leader's versions (else the first member's that answered); absent when no member told them. */
  version?: { etcdserver: string; etcdcluster: string };
  /** The leader member's name; absent without a leader (or when it has no name). */
  leader?: string;
  quorum: boolean;
  healthyCount: number;
  memberCount: number;
}
