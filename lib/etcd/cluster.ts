// A cluster's version, membership, health and statistics (etcd-v2-api.md §2, §6, §7), each job in its
// own file: cluster-membership.ts, cluster-stats.ts, cluster-health.ts (per-member probes in
// member-probes.ts). This class is how the rest of the app calls them.
import "server-only";
import { addMember, findLeader, listMachines, listMembers, removeMember, updateMemberPeers } from "./cluster-membership";
import { clusterHealth, clusterSnapshot, healthOfMembers, readVersion } from "./cluster-health";
import type { ClusterHealth, ClusterSnapshot } from "./cluster-status";
import { readLeaderStats, readSelfStats, readStoreStats, selfStatsOfEachMember, storeStatsOfEachMember } from "./cluster-stats";
import type { PerMember } from "./member-probes";
import type { EtcdTransport } from "./transport";
import type { LeaderStats, Member, SelfStats, StoreStats, Versions } from "./wire";

export class ClusterApi {
  constructor(private readonly transport: EtcdTransport) {}

  version(signal?: AbortSignal): Promise<Versions> {
    return readVersion(this.transport, signal);
  }

  members(signal?: AbortSignal): Promise<Member[]> {
    return listMembers(this.transport, signal);
  }

  /** The leader member; "raft-error" style failure (HTTP 503) while an election runs. */
  leader(signal?: AbortSignal): Promise<Member> {
    return findLeader(this.transport, signal);
  }

  /** Client URLs of started members, dead ones included. */
  machines(signal?: AbortSignal): Promise<string[]> {
    return listMachines(this.transport, signal);
  }

  /** Adds a member by its peer URLs; start it afterwards with --initial-cluster-state existing. */
  addMember(peerURLs: string[], signal?: AbortSignal): Promise<Member> {
    return addMember(this.transport, peerURLs, signal);
  }

  updateMember(id: string, peerURLs: string[], signal?: AbortSignal): Promise<void> {
    return updateMemberPeers(this.transport, id, peerURLs, signal);
  }

  /** Removes a member; the removed member shuts itself down. */
  removeMember(id: string, signal?: AbortSignal): Promise<void> {
    return removeMember(this.transport, id, signal);
  }

  /** Store counters of the member that answers (they are per member and reset on restart). */
  storeStats(signal?: AbortSignal): Promise<StoreStats> {
    return readStoreStats(this.transport, signal);
  }

  selfStats(signal?: AbortSignal): Promise<SelfStats> {
    return readSelfStats(this.transport, signal);
  }

  /** From the leader, whichever member answers first. */
  leaderStats(signal?: AbortSignal): Promise<LeaderStats> {
    return readLeaderStats(this.transport, signal);
  }

  selfStatsPerMember(signal?: AbortSignal): Promise<PerMember<SelfStats>[]> {
    return selfStatsOfEachMember(this.transport, signal);
  }

  storeStatsPerMember(signal?: AbortSignal): Promise<PerMember<StoreStats>[]> {
    return storeStatsOfEachMember(this.transport, signal);
  }

  /** Health and version of every member from its own /health and /version. */
  health(signal?: AbortSignal): Promise<ClusterHealth> {
    return clusterHealth(this.transport, signal);
  }

  /** Health and version of members listed elsewhere (v3's MemberList), each from its own /health and /version. */
  healthOf(members: Member[], signal?: AbortSignal): Promise<ClusterHealth> {
    return healthOfMembers(this.transport, members, signal);
  }

  /** Everything the Cluster page shows, in one round. */
  snapshot(signal?: AbortSignal): Promise<ClusterSnapshot> {
    return clusterSnapshot(this.transport, signal);
  }
}
