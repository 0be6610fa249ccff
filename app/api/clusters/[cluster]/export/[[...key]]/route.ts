import { apiRoute, requireCluster, requireKey } from "@/lib/api/server/route";
import { exportResponse } from "@/lib/transfer/server";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/export/:key* - a directory's subtree (or one key) as an export file download
export const GET = apiRoute(async ({ request, params }) => {
  const { name, client } = requireCluster(params);
  return exportResponse(client, name, requireKey(params), request.signal);
});
