import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { perMemberBody } from "@/lib/api/server/per-member";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/stats/store - every member's store counters (they are per member)
export const GET = apiRoute(async ({ request, params }) =>
  perMemberBody(await requireCluster(params).client.cluster.storeStatsPerMember(request.signal)),
);
