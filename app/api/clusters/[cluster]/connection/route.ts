import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { BADGE_MAX_AGE_MS, connectionOf } from "@/lib/cluster-monitor/connection";
import { clusterMonitor } from "@/lib/cluster-monitor/registry";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/connection - etcd version and members healthy / total, from the cluster
// monitor's shared poll (at most BADGE_MAX_AGE_MS old): the number of open tabs never adds etcd requests
export const GET = apiRoute(async ({ params }) => {
  const { name, client } = requireCluster(params);
  return connectionOf(await clusterMonitor(name, client).current(BADGE_MAX_AGE_MS));
});
