import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { configuredKeyspaces } from "@/lib/clusters";
import { cachedKeyspaceProbe } from "@/lib/keyspaces/probe";
import { keyspaceSupport } from "@/lib/keyspaces/support";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/keyspaces - the keyspaces the Keys page offers (v2, v3), the one it opens by
// default, and why v2 is missing where it is (removed in etcd 3.6, disabled, or not configured)
export const GET = apiRoute(async ({ params }) => {
  const { name, client } = requireCluster(params);
  return keyspaceSupport(configuredKeyspaces(name), await cachedKeyspaceProbe(name, client));
});
