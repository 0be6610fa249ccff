import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { perMemberBody } from "@/lib/api/server/per-member";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/stats/self - every member's self stats, each asked directly
export const GET = apiRoute(async ({ request, params }) =>
  perMemberBody(await requireCluster(params).client.cluster.selfStatsPerMember(request.signal)),
);
