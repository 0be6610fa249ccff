import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/health - each member's own /health and version, and whether quorum holds
export const GET = apiRoute(async ({ request, params }) => requireCluster(params).client.cluster.health(request.signal));
