// The Cluster page's resource (lib/api/cluster-overview.ts) made from the latest poll: errors in the API's
// words, this dashboard's connection settings (never a secret), and the samples the browser does not have yet.
import "server-only";
import type { ClusterConnectionInfo, ClusterOverview, ErrorSummary } from "@/lib/api/cluster-overview";
import { toApiError } from "@/lib/api/server/error-response";
import type { Poll } from "./monitor";
import type { ClusterSample } from "./samples";

function summarize(error: unknown): ErrorSummary {
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
