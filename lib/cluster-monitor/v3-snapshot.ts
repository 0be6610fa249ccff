// The Cluster page's snapshot of a cluster that does not serve the v2 API (etcd 3.6, or 3.4 / 3.5 started with
// --enable-v2=false): the member list from v3's MemberList, the leader from each member's Status, and each
// member's health and version from the same /health and /version probes as v2's snapshot (neither is part of
// the v2 API: they answer with it off). v2's leader, self and store stats and /v2/machines have no v3 twin here.
import "server-only";
import type { ClusterSnapshot, EtcdClient } from "@/lib/etcd";
import { MEMBER_PROBE_TIMEOUT_MS } from "@/lib/etcd/member-probes";
import type { Etcd3Client } from "@/lib/etcd3";

/** §0 gotcha 2: v3 ids are decimal strings beyond 2^53; v2 and etcdctl show them in hex, so the page does too. */
export function hexMemberId(decimal: string): string {
  return BigInt(decimal).toString(16);
}

/**
 * The leader the members that answered agree on: the id most of them name (a member cut off from the others may
 * still name an old one); undefined when none names one ("0", §8.2: no leader).
 */
export function agreedLeader(named: readonly (string | undefined)[]): string | undefined {
  const votes = new Map<string, number>();
  for (const id of named) if (id && id !== "0") votes.set(id, (votes.get(id) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, count] of votes) if (best === undefined || count > votes.get(best)!) best = id;
  return best;
}

export async function snapshotOverV3(client: EtcdClient, client3: Etcd3Client, signal?: AbortSignal): Promise<ClusterSnapshot> {
  const { members: listed } = await client3.memberList(signal);
  // Unstarted members have no name and no client URL (§8.1): the health probe reports them as unstarted.
  const members = listed.map((m) => ({ id: hexMemberId(m.id), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs }));
  const [health, named] = await Promise.all([
    client.cluster.healthOf(members, signal),
    Promise.all(
      members.map((m) =>
        m.clientURLs[0]
          ? client3.status(m.clientURLs[0], { deadlineMs: MEMBER_PROBE_TIMEOUT_MS, signal }).then(
              (status) => status.leader,
              () => undefined,
            )
          : undefined,
      ),
    ),
  ]);
  const leader = agreedLeader(named);
  const leaderId = leader === undefined ? undefined : hexMemberId(leader);
  return {
    api: "v3",
    quorum: health.quorum,
    healthyCount: health.healthyCount,
    memberCount: health.memberCount,
    members: health.members.map((m) => ({ ...m, isLeader: m.id === leaderId })),
    leaderId,
    machines: [],
  };
}
