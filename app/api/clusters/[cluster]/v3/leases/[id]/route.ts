import { leaseId3Schema } from "@/lib/api/keys3";
import { requireCluster3 } from "@/lib/api/server/cluster3";
import { parseInput } from "@/lib/api/server/request-guards";
import { apiRoute } from "@/lib/api/server/route";
import { revisionOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { readLease3, refreshLease3, revokeLease3 } from "@/lib/keys3/leases";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/v3/leases/:id - TTL, granted TTL and every key attached (what a revoke deletes)
export const GET = apiRoute(async ({ params }) => {
  const { client } = requireCluster3(params);
  return readLease3(client, parseInput(leaseId3Schema, params.id, "id"));
});

// POST /api/clusters/:cluster/v3/leases/:id - refresh once (one keepalive): back to its granted TTL
export const POST = apiRoute(
  async ({ params, user }) => {
    const { name, client } = requireCluster3(params);
    const id = parseInput(leaseId3Schema, params.id, "id");
    return audited({ user: user.name, cluster: name, keyspace: "v3", operation: "lease-refresh", lease: id }, () => refreshLease3(client, id));
  },
  { mutating: true },
);

// DELETE /api/clusters/:cluster/v3/leases/:id - revoke: deletes every key attached to it
export const DELETE = apiRoute(
  async ({ params, user }) => {
    const { name, client } = requireCluster3(params);
    const id = parseInput(leaseId3Schema, params.id, "id");
    return audited({ user: user.name, cluster: name, keyspace: "v3", operation: "lease-revoke", lease: id }, () => revokeLease3(client, id), revisionOutcome);
  },
  { mutating: true },
);
