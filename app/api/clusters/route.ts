import { listClusters } from "@/lib/clusters";
import { apiRoute } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// GET /api/clusters - the configured clusters: name and number of endpoints, never a secret
export const GET = apiRoute(async () => ({ clusters: listClusters() }));
