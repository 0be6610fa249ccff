// The cluster's version, each member's health from its own /health and /version (etcd keeps listing dead
// members in /v2/members), and the Cluster page's snapshot of everything in one round.
import "server-only";
import { listMachines, listMembers } from "./cluster-membership";
import { answeredHealth, memberIdentity, quorumOf, silentHealth, type ClusterHealth, type ClusterSnapshot, type MemberSnapshot, type MemberStatus } from "./cluster-status";
import { decodeJson } from "./decode";
import { isEtcdError, type EtcdError } from "./errors";
import { askEachMember, probeMember } from "./member-probes";
import type { EtcdTransport } from "./transport";
import { healthSchema, leaderStatsSchema, selfStatsSchema, storeStatsSchema, versionsSchema, type Member, type SelfStats, type StoreStats, type Versions } from "./wire";

export async function readVersion(transport: EtcdTransport, signal?: AbortSignal): Promise<Versions> {
  const res = await transport.request({ method: "GET", path: "/version", idempotent: true, signal });
  return decodeJson(res, versionsSchema, "version");
}

/** /health answers text/plain {"health":"true"} with 200, or {"health":"false"} with 503. */
function isHealthy(res: { status: number; body: string | null }): boolean {
  try {
    return res.status === 200 && healthSchema.parse(JSON.parse(res.body ?? "")).health === "true";
  } catch {
    return false;
  }
}

const isStats = (value: unknown) => typeof value === "object" && value !== null && !(value instanceof Error);

/** Health and version of every member from its own /health and /version. */
export async function clusterHealth(transport: EtcdTransport, signal?: AbortSignal): Promise<ClusterHealth> {
  return healthOfMembers(transport, await listMembers(transport, signal), signal);
}

/**
 * Health and version of the given members (from /v2/members, or from v3's MemberList on a cluster without v2:
 * /health and /version are not part of the v2 API and answer with it off).
 */
export async function healthOfMembers(transport: EtcdTransport, memberList: Member[], signal?: AbortSignal): Promise<ClusterHealth> {
  const results = await askEachMember(memberList, async (endpoint) => {
    const [healthRes, version] = await Promise.all([
      probeMember(transport, endpoint, "/health", signal),
      probeMember(transport, endpoint, "/version", signal)
        .then((res) => decodeJson(res, versionsSchema, "version"))
        .catch(() => undefined),
    ]);
    return { healthy: isHealthy(healthRes), version };
  });
  const members = results.map((r, i): MemberStatus => {
    const base = memberIdentity(memberList[i]!);
    if (r.ok) return { ...base, ...answeredHealth(r.value.healthy), version: r.value.version };
    return { ...base, ...silentHealth(r.endpoint, r.error) };
  });
  return { ...quorumOf(members), members };
}

/**
 * Everything the Cluster page shows, in one round: the member list once, then each member's own
 * /health, /version, /v2/stats/self and /v2/stats/store in parallel, and the leader's follower stats.
 */
export async function clusterSnapshot(transport: EtcdTransport, signal?: AbortSignal): Promise<ClusterSnapshot> {
  const memberList = await listMembers(transport, signal);
  const [results, machines] = await Promise.all([
    askEachMember(memberList, async (endpoint) => {
      const [health, version, self, store] = await Promise.all([
        probeMember(transport, endpoint, "/health", signal).then(isHealthy, () => undefined),
        probeMember(transport, endpoint, "/version", signal).then((res) => decodeJson(res, versionsSchema, "version"), () => undefined),
        probeMember(transport, endpoint, "/v2/stats/self", signal).then((res) => decodeJson(res, selfStatsSchema, "self stats"), (error: unknown) => error),
        probeMember(transport, endpoint, "/v2/stats/store", signal).then((res) => decodeJson(res, storeStatsSchema, "store stats"), (error: unknown) => error),
      ]);
      // A member that answers nothing at all is unreachable: throw so askEachMember reports its error.
      if (health === undefined && version === undefined && !isStats(self) && !isStats(store)) throw self;
      return { health, version, self, store };
    }),
    listMachines(transport, signal).catch(() => [] as string[]),
  ]);
  const members = results.map((r, i): MemberSnapshot => {
    const base = { ...memberIdentity(memberList[i]!), isLeader: false };
    if (!r.ok) return { ...base, ...silentHealth(r.endpoint, r.error), ...(r.endpoint === null ? {} : { statsError: r.error }) };
    const { health, version, self, store } = r.value;
    return {
      ...base,
      ...answeredHealth(health === true),
      version,
      self: isStats(self) ? (self as SelfStats) : undefined,
      store: isStats(store) ? (store as StoreStats) : undefined,
      statsError: [self, store].find((v): v is EtcdError => isEtcdError(v)),
    };
  });
  const leaderId = members.find((m) => m.self?.state === "StateLeader")?.id;
  for (const m of members) m.isLeader = m.id === leaderId;
  const snapshot: ClusterSnapshot = { api: "v2", ...quorumOf(members), members, leaderId, machines };
  const leaderEndpoint = members.find((m) => m.isLeader)?.clientURLs[0];
  if (leaderEndpoint) {
    try {
      snapshot.leaderStats = decodeJson(await probeMember(transport, leaderEndpoint, "/v2/stats/leader", signal), leaderStatsSchema, "leader stats");
    } catch (error) {
      if (!isEtcdError(error)) throw error;
      snapshot.leaderStatsError = error;
    }
  }
  return snapshot;
}
