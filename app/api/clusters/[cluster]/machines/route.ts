import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/machines - client URLs of the started members (dead ones included)
export const GET = apiRoute(async ({ request, params }) => ({
  machines: await requireCluster(params).client.cluster.machines(request.signal),
}));
