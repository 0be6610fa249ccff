import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/auth/users - every etcd user with its role names (admin business)
export const GET = apiRoute(async ({ request, params }) => ({ users: await requireCluster(params).client.auth.users(request.signal) }), { role: "admin" });
