import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/auth/roles - every etcd role with the key patterns it may read and write
export const GET = apiRoute(async ({ request, params }) => ({ roles: await requireCluster(params).client.auth.roles(request.signal) }), { role: "admin" });
