// Version, per-member health, stats and membership (etcd-v2-api.md §2, §6, §7).
import { decodeJson, errorFromResponse } from "./decode";
import { EtcdError, isEtcdError } from "./errors";
import type { EtcdTransport } from "./transport";
import {
  healthSchema,
  leaderStatsSchema,
  memberSchema,
  membersSchema,
  selfStatsSchema,
  storeStatsSchema,
  versionsSchema,
  type LeaderStats,
  type Member,
  type SelfStats,
  type StoreStats,
  type Versions,
} from "./wire";

/** Per-member calls answer fast or not at all: a dead member must not hold up the whole page. */
const MEMBER_PROBE_TIMEOUT_MS = 2_000;

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

/** One member as one poll of the cluster saw it: health and version, self and store stats. */
export interface MemberSnapshot extends MemberStatus {
  isLeader: boolean;
  self?: SelfStats;
  store?: StoreStats;
  /** Why self / store stats are missing (the member is down, or answered something unexpected). */
  statsError?: EtcdError;
}

export interface ClusterSnapshot {
  quorum: boolean;
  healthyCount: number;
  memberCount: number;
  members: MemberSnapshot[];
  /** The leader's id, as the members that answer agree on it; undefined without a leader. */
  leaderId?: string;
  leaderStats?: LeaderStats;
  leaderStatsError?: EtcdError;
  /** Client URLs of started members, dead ones included (etcd's own list). */
  machines: string[];
}

export type PerMember<T> =
  | { id: string; name: string; endpoint: string | null; ok: true; value: T }
  | { id: string; name: string; endpoint: string | null; ok: false; error: EtcdError };

/** /health answers text/plain {"health":"true"} with 200, or {"health":"false"} with 503. */
function isHealthy(res: { status: number; body: string | null }): boolean {
  try {
    return res.status === 200 && healthSchema.parse(JSON.parse(res.body ?? "")).health === "true";
  } catch {
    return false;
  }
}

const isStats = (value: unknown) => typeof value === "object" && value !== null && !(value instanceof Error);

export class ClusterApi {
  constructor(private readonly transport: EtcdTransport) {}

  async version(signal?: AbortSignal): Promise<Versions> {
    const res = await this.transport.request({ method: "GET", path: "/version", idempotent: true, signal });
    return decodeJson(res, versionsSchema, "version");
  }

  async members(signal?: AbortSignal): Promise<Member[]> {
    const res = await this.transport.request({ method: "GET", path: "/v2/members", idempotent: true, signal });
    return decodeJson(res, membersSchema, "members").members;
  }

  /** The leader member; "raft-error" style failure (HTTP 503) while an election runs. */
  async leader(signal?: AbortSignal): Promise<Member> {
    const res = await this.transport.request({ method: "GET", path: "/v2/members/leader", idempotent: true, signal });
    if (res.status === 503) {
      throw new EtcdError("raft-error", "The cluster has no leader right now (election in progress, or no quorum).", {
        status: 503,
        retryable: true,
      });
    }
    return decodeJson(res, memberSchema, "leader");
  }

  /** Client URLs of started members, dead ones included (text/plain "a, b"). */
  async machines(signal?: AbortSignal): Promise<string[]> {
    const res = await this.transport.request({ method: "GET", path: "/v2/machines", idempotent: true, signal });
    if (res.status !== 200) throw errorFromResponse(res);
    return (res.body ?? "")
      .split(",")
      .map((url) => url.trim())
      .filter(Boolean);
  }

  /** Adds a member by its peer URLs; start it afterwards with --initial-cluster-state existing. */
  async addMember(peerURLs: string[], signal?: AbortSignal): Promise<Member> {
    const res = await this.transport.request({
      method: "POST",
      path: "/v2/members",
      json: { peerURLs },
      idempotent: false,
      signal,
    });
    return decodeJson(res, memberSchema, "member");
  }

  async updateMember(id: string, peerURLs: string[], signal?: AbortSignal): Promise<void> {
    const res = await this.transport.request({
      method: "PUT",
      path: `/v2/members/${encodeURIComponent(id)}`,
      json: { peerURLs },
      idempotent: true,
      signal,
    });
    if (res.status !== 204 && res.status !== 200) throw errorFromResponse(res);
  }

  /** Removes a member; the removed member shuts itself down. */
  async removeMember(id: string, signal?: AbortSignal): Promise<void> {
    const res = await this.transport.request({
      method: "DELETE",
      path: `/v2/members/${encodeURIComponent(id)}`,
      idempotent: false,
      signal,
    });
    if (res.status !== 204 && res.status !== 200) throw errorFromResponse(res);
  }

  /** Store counters of the member that answers (they are per member and reset on restart). */
  async storeStats(signal?: AbortSignal): Promise<StoreStats> {
    const res = await this.transport.request({ method: "GET", path: "/v2/stats/store", idempotent: true, signal });
    return decodeJson(res, storeStatsSchema, "store stats");
  }

  async selfStats(signal?: AbortSignal): Promise<SelfStats> {
    const res = await this.transport.request({ method: "GET", path: "/v2/stats/self", idempotent: true, signal });
    return decodeJson(res, selfStatsSchema, "self stats");
  }

  /** Leader stats come only from the leader: ask whoever answers, and the leader itself on "not leader". */
  async leaderStats(signal?: AbortSignal): Promise<LeaderStats> {
    try {
      const res = await this.transport.request({ method: "GET", path: "/v2/stats/leader", idempotent: true, signal });
      return decodeJson(res, leaderStatsSchema, "leader stats");
    } catch (error) {
      if (!isEtcdError(error, "not-leader")) throw error;
    }
    const leader = await this.leader(signal);
    const endpoint = leader.clientURLs[0];
    if (!endpoint) throw new EtcdError("unavailable", `The leader ${leader.name} has no client URL.`);
    const res = await this.transport.request({
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
  selfStatsPerMember(signal?: AbortSignal): Promise<PerMember<SelfStats>[]> {
    return this.perMember(signal, async (endpoint) => {
      const res = await this.probe(endpoint, "/v2/stats/self", signal);
      return decodeJson(res, selfStatsSchema, "self stats");
    });
  }

  /** Store stats of every member, each asked directly. */
  storeStatsPerMember(signal?: AbortSignal): Promise<PerMember<StoreStats>[]> {
    return this.perMember(signal, async (endpoint) => {
      const res = await this.probe(endpoint, "/v2/stats/store", signal);
      return decodeJson(res, storeStatsSchema, "store stats");
    });
  }

  /** Health and version of every member from its own /health and /version. */
  async health(signal?: AbortSignal): Promise<ClusterHealth> {
    const memberList = await this.members(signal);
    const results = await this.askEach(memberList, async (endpoint) => {
      const [healthRes, version] = await Promise.all([
        this.probe(endpoint, "/health", signal),
        this.probe(endpoint, "/version", signal)
          .then((res) => decodeJson(res, versionsSchema, "version"))
          .catch(() => undefined),
      ]);
      return { healthy: isHealthy(healthRes), version };
    });
    const members = results.map((r, i): MemberStatus => {
      const member = memberList[i]!;
      const base = { id: member.id, name: member.name, peerURLs: member.peerURLs, clientURLs: member.clientURLs };
      if (r.ok) {
        return {
          ...base,
          health: r.value.healthy ? "healthy" : "unhealthy",
          reason: r.value.healthy ? undefined : "the member answers but reports unhealthy (no leader, or no quorum)",
          version: r.value.version,
        };
      }
      if (r.endpoint === null) return { ...base, health: "unstarted", reason: "added to the cluster but never started" };
      return { ...base, health: "unreachable", reason: r.error.message };
    });
    const healthyCount = members.filter((m) => m.health === "healthy").length;
    return { quorum: healthyCount > members.length / 2, healthyCount, memberCount: members.length, members };
  }

  /**
   * Everything the Cluster page shows, in one round: the member list once, then each member's own
   * /health, /version, /v2/stats/self and /v2/stats/store in parallel, and the leader's follower stats.
   */
  async snapshot(signal?: AbortSignal): Promise<ClusterSnapshot> {
    const memberList = await this.members(signal);
    const [results, machines] = await Promise.all([
      this.askEach(memberList, async (endpoint) => {
        const [health, version, self, store] = await Promise.all([
          this.probe(endpoint, "/health", signal).then(isHealthy, () => undefined),
          this.probe(endpoint, "/version", signal).then((res) => decodeJson(res, versionsSchema, "version"), () => undefined),
          this.probe(endpoint, "/v2/stats/self", signal).then((res) => decodeJson(res, selfStatsSchema, "self stats"), (error: unknown) => error),
          this.probe(endpoint, "/v2/stats/store", signal).then((res) => decodeJson(res, storeStatsSchema, "store stats"), (error: unknown) => error),
        ]);
        // A member that answers nothing at all is unreachable: throw so askEach reports its error.
        if (health === undefined && version === undefined && !isStats(self) && !isStats(store)) throw self;
        return { health, version, self, store };
      }),
      this.machines(signal).catch(() => [] as string[]),
    ]);
    const members = results.map((r, i): MemberSnapshot => {
      const member = memberList[i]!;
      const base = { id: member.id, name: member.name, peerURLs: member.peerURLs, clientURLs: member.clientURLs, isLeader: false };
      if (!r.ok) {
        if (r.endpoint === null) return { ...base, health: "unstarted", reason: "added to the cluster but never started" };
        return { ...base, health: "unreachable", reason: r.error.message, statsError: r.error };
      }
      const { health, version, self, store } = r.value;
      const healthy = health === true;
      const statsError = [self, store].find((v): v is EtcdError => isEtcdError(v));
      return {
        ...base,
        health: healthy ? "healthy" : "unhealthy",
        reason: healthy ? undefined : "the member answers but reports unhealthy (no leader, or no quorum)",
        version,
        self: isStats(self) ? (self as SelfStats) : undefined,
        store: isStats(store) ? (store as StoreStats) : undefined,
        statsError,
      };
    });
    const leaderId = members.find((m) => m.self?.state === "StateLeader")?.id;
    for (const m of members) m.isLeader = m.id === leaderId;
    const healthyCount = members.filter((m) => m.health === "healthy").length;
    const snapshot: ClusterSnapshot = { quorum: healthyCount > members.length / 2, healthyCount, memberCount: members.length, members, leaderId, machines };
    const leaderEndpoint = members.find((m) => m.isLeader)?.clientURLs[0];
    if (leaderEndpoint) {
      try {
        snapshot.leaderStats = decodeJson(await this.probe(leaderEndpoint, "/v2/stats/leader", signal), leaderStatsSchema, "leader stats");
      } catch (error) {
        if (!isEtcdError(error)) throw error;
        snapshot.leaderStatsError = error;
      }
    }
    return snapshot;
  }

  private probe(endpoint: string, path: string, signal?: AbortSignal) {
    return this.transport.request({
      method: "GET",
      path,
      idempotent: true,
      endpoint,
      timeoutMs: MEMBER_PROBE_TIMEOUT_MS,
      signal,
    });
  }

  private async perMember<T>(
    signal: AbortSignal | undefined,
    ask: (endpoint: string) => Promise<T>,
  ): Promise<PerMember<T>[]> {
    return this.askEach(await this.members(signal), ask);
  }

  private askEach<T>(members: Member[], ask: (endpoint: string) => Promise<T>): Promise<PerMember<T>[]> {
    return Promise.all(
      members.map(async (member): Promise<PerMember<T>> => {
        const base = { id: member.id, name: member.name, endpoint: member.clientURLs[0] ?? null };
        if (!base.endpoint) {
          return { ...base, ok: false, error: new EtcdError("unavailable", "The member has not started yet.") };
        }
        try {
          return { ...base, ok: true, value: await ask(base.endpoint) };
        } catch (error) {
          if (isEtcdError(error)) return { ...base, ok: false, error };
          throw error;
        }
      }),
    );
  }
}
