// The Cluster page's resource as the browser sees it: the latest poll with errors in the API's words,
// this dashboard's connection settings (never a secret), and the samples the browser does not have yet.
import "server-only";
import { toApiError } from "@/lib/api/server/error-response";
import type { ClusterConnectionInfo } from "@/lib/clusters";
import type { ClusterSnapshot, MemberSnapshot } from "@/lib/etcd";
import type { Poll } from "./monitor";
import type { ClusterSample } from "./samples";

export interface ErrorSummary {
  code: string;
  message: string;
  etcdCode?: number;
}

export type MemberOverview = Omit<MemberSnapshot, "statsError"> & { statsError?: ErrorSummary };

export type ClusterStatus =
  | ({ ok: true } & Omit<ClusterSnapshot, "members" | "leaderStatsError"> & { members: MemberOverview[]; leaderStatsError?: ErrorSummary })
  | { ok: false; error: ErrorSummary };

export interface ClusterOverview {
  /** When etcd was polled, ms since the epoch. */
  at: number;
  intervalMs: number;
  connection: ClusterConnectionInfo;
  status: ClusterStatus;
  samples: ClusterSample[];
}

export function summarize(error: unknown): ErrorSummary {
  const { code, message, etcdCode } = toApiError(error).body;
  return etcdCode === undefined ? { code, message } : { code, message, etcdCode };
}

export function overviewOf(poll: Poll, connection: ClusterConnectionInfo, samples: ClusterSample[]): ClusterOverview {
  const base = { at: poll.at, intervalMs: connection.statsIntervalMs, connection, samples };
  if (!poll.snapshot) return { ...base, status: { ok: false, error: summarize(poll.error) } };
  const { members, leaderStatsError, ...rest } = poll.snapshot;
  return {
    ...base,
    status: {
      ok: true,
      ...rest,
      members: members.map(({ statsError, ...member }) => (statsError ? { ...member, statsError: summarize(statsError) } : member)),
      ...(leaderStatsError ? { leaderStatsError: summarize(leaderStatsError) } : {}),
    },
  };
}
