import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/version - etcd server and cluster version
export const GET = apiRoute(async ({ request, params }) => requireCluster(params).client.cluster.version(request.signal));
