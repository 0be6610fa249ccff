// Store, self and leader statistics (etcd-v2-api.md §6): from whichever member answers, or from each
// member asked directly.
import "server-only";
import { findLeader, listMembers } from "./cluster-membership";
import { decodeJson } from "./decode";
import { EtcdError, isEtcdError } from "./errors";
import { askEachMember, MEMBER_PROBE_TIMEOUT_MS, probeMember, type PerMember } from "./member-probes";
import type { EtcdTransport } from "./transport";
import { leaderStatsSchema, selfStatsSchema, storeStatsSchema, type LeaderStats, type SelfStats, type StoreStats } from "./wire";

/** Store counters of the member that answers (they are per member and reset on restart). */
export async function readStoreStats(transport: EtcdTransport, signal?: AbortSignal): Promise<StoreStats> {
  const res = await transport.request({ method: "GET", path: "/v2/stats/store", idempotent: true, signal });
  return decodeJson(res, storeStatsSchema, "store stats");
}

export async function readSelfStats(transport: EtcdTransport, signal?: AbortSignal): Promise<SelfStats> {
  const res = await transport.request({ method: "GET", path: "/v2/stats/self", idempotent: true, signal });
  return decodeJson(res, selfStatsSchema, "self stats");
}

/** Leader stats come only from the leader: ask whoever answers, and the leader itself on "not leader". */
export async function readLeaderStats(transport: EtcdTransport, signal?: AbortSignal): Promise<LeaderStats> {
  try {
    const res = await transport.request({ method: "GET", path: "/v2/stats/leader", idempotent: true, signal });
    return decodeJson(res, leaderStatsSchema, "leader stats");
  } catch (error) {
    if (!isEtcdError(error, "not-leader")) throw error;
  }
  const leader = await findLeader(transport, signal);
  const endpoint = leader.clientURLs[0];
  if (!endpoint) throw new EtcdError("unavailable", `The leader ${leader.name} has no client URL.`);
  const res = await transport.request({
    method: "GET",
    path: "/v2/stats/leader",
    idempotent: true,
    endpoint,
    timeoutMs: MEMBER_PROBE_TIMEOUT_MS,
    signal,
  });
  return decodeJson(res, leaderStatsSchema, "leader stats");
}

/** Self stats of every member, each asked directly. */
export async function selfStatsOfEachMember(transport: EtcdTransport, signal?: AbortSignal): Promise<PerMember<SelfStats>[]> {
  return askEachMember(await listMembers(transport, signal), async (endpoint) =>
    decodeJson(await probeMember(transport, endpoint, "/v2/stats/self", signal), selfStatsSchema, "self stats"),
  );
}

/** Store stats of every member, each asked directly. */
export async function storeStatsOfEachMember(transport: EtcdTransport, signal?: AbortSignal): Promise<PerMember<StoreStats>[]> {
  return askEachMember(await listMembers(transport, signal), async (endpoint) =>
    decodeJson(await probeMember(transport, endpoint, "/v2/stats/store", signal), storeStatsSchema, "store stats"),
  );
}
