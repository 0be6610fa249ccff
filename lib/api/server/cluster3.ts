// The v3 routes' cluster: the configured cluster named in the URL, its v3 client, and the keyspace gate.
import "server-only";
import { client3For, configuredKeyspaces } from "@/lib/clusters";
import type { Etcd3Client } from "@/lib/etcd3";
import { ApiError } from "../errors";
import { requireCluster, type RawParams } from "./route";

export interface Cluster3Handle {
  name: string;
  client: Etcd3Client;
}

/**
 * The cluster and its v3 client; 404 cluster_not_found for an unknown name, 404 keyspace_not_offered for a cluster
 * configured without v3. The keyspace probe (lib/keyspaces/support.ts) always offers v3 where it is configured
 * (every etcd 3.x serves it, §10), so the configuration is what decides here, with no call to etcd.
 */
export function requireCluster3(params: RawParams): Cluster3Handle {
  const { name } = requireCluster(params);
  const configured = configuredKeyspaces(name);
  if (configured && !configured.includes("v3")) {
    throw ApiError.of("keyspace_not_offered", `The cluster "${name}" is configured without the etcd v3 keyspace (keyspaces: ${configured.join(", ")}).`);
  }
  return { name, client: client3For(name)! };
}
