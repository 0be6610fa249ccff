// The sidebar badge's resource (lib/api/cluster-overview.ts, ConnectionSummary) from the cluster monitor's
// shared poll: however many tabs show the badge, etcd is asked at most once per BADGE_MAX_AGE_MS for it.
import "server-only";
import type { ConnectionSummary } from "@/lib/api/cluster-overview";
import type { Poll } from "./monitor";

/** How old a poll the badge accepts: its own refresh interval (lib/hooks/use-connection.ts). */
export const BADGE_MAX_AGE_MS = 10_000;

/** The summary of a poll; a poll that failed as a whole throws its error, for the route to answer. */
export function connectionOf(poll: Poll): ConnectionSummary {
  if (!poll.snapshot) throw poll.error;
  const { api, members, quorum, healthyCount, memberCount, leaderId } = poll.snapshot;
  const versioned = members.filter((m) => m.version);
  const version = (versioned.find((m) => m.id === leaderId) ?? versioned[0])?.version;
  const leader = members.find((m) => m.id === leaderId)?.name;
  return { at: poll.at, api, ...(version ? { version } : {}), ...(leader ? { leader } : {}), quorum, healthyCount, memberCount };
}
