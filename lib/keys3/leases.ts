// v3 leases for the key panel: what a lease is and which keys hang on it (a revoke deletes them all, §7, so the
// confirmation lists them first), one keepalive ("Refresh TTL"), and the revoke itself.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Lease3Response } from "@/lib/api/keys3";
import type { Etcd3Client } from "@/lib/etcd3";
import { compareBytes, keyDisplay } from "@/lib/keyspace3/key-bytes";

function notFound(id: string): ApiError {
  return ApiError.of("lease_not_found", `The lease ${id} does not exist (it expired or was revoked).`);
}

/**
 * The lease with every key attached to it, in key order (etcd lists them in no order: its own map's); 404
 * lease_not_found once it is gone (etcd answers TTL -1, §7).
 */
export async function readLease3(client: Etcd3Client, id: string): Promise<Lease3Response> {
  const lease = await client.leaseTimeToLive(id, { keys: true });
  if (lease.ttl === -1) throw notFound(id);
  const keys = [...lease.keys].sort(compareBytes).map((key) => keyDisplay(key));
  return { id, grantedTtl: lease.grantedTtl, ttl: lease.ttl, keys };
}

/** Renews the lease once to its granted TTL. */
export async function refreshLease3(client: Etcd3Client, id: string): Promise<{ id: string; ttl: number }> {
  const lease = await client.leaseKeepAliveOnce(id);
  return { id, ttl: lease.ttl };
}

/** Revokes the lease, deleting its keys in one revision. */
export async function revokeLease3(client: Etcd3Client, id: string): Promise<{ id: string; revision: string }> {
  return { id, revision: (await client.leaseRevoke(id)).revision };
}
