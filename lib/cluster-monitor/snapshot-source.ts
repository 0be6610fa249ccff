// Where the cluster monitor's poll gets its snapshot: v2's (with leader, self and store stats) where the cluster
// serves v2 and its configuration shows it; v3's member list (v3-snapshot.ts) where it does not, so a cluster
// without v2 is polled as the healthy cluster it is rather than reported as an error.
import "server-only";
import { isEtcdError, type ClusterSnapshot, type EtcdClient } from "@/lib/etcd";
import type { Etcd3Client } from "@/lib/etcd3";
import { KEYSPACES, type Keyspace } from "@/lib/keyspaces/support";
import { snapshotOverV3 } from "./v3-snapshot";

export type SnapshotSource = (signal: AbortSignal) => Promise<ClusterSnapshot>;

/**
 * A cluster configured for v2 alone is always polled over v2 (its errors, "v2-disabled" included, are what the
 * user must fix); one configured for v3 alone over v3; otherwise v2, and v3 when etcd says v2 is off (etcd 3.6
 * answers /v2 the same way: it removed v2). `client3` is asked for only when needed, so v2-only clusters never
 * open a gRPC channel.
 */
export function snapshotSource(client: EtcdClient, client3: () => Etcd3Client, configured: readonly Keyspace[] = KEYSPACES): SnapshotSource {
  const overV3 = (signal: AbortSignal) => snapshotOverV3(client, client3(), signal);
  if (!configured.includes("v3")) return (signal) => client.cluster.snapshot(signal);
  if (!configured.includes("v2")) return overV3;
  return async (signal) => {
    try {
      return await client.cluster.snapshot(signal);
    } catch (error) {
      if (isEtcdError(error) && error.kind === "v2-disabled") return overV3(signal);
      throw error;
    }
  };
}
