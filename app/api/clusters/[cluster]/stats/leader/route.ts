import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/stats/leader - the leader's view of each follower (latency, counts)
export const GET = apiRoute(async ({ request, params }) => requireCluster(params).client.cluster.leaderStats(request.signal));
