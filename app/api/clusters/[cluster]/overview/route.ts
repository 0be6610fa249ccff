import { z } from "zod";
import { readQuery } from "@/lib/api/server/request-guards";
import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { clusterConnectionInfo } from "@/lib/clusters";
import { overviewOf } from "@/lib/cluster-monitor/overview";
import { clusterMonitor } from "@/lib/cluster-monitor/registry";

export const dynamic = "force-dynamic";

const querySchema = z
  .object({
    /** Only samples taken after this time (ms since the epoch): what the browser does not have yet. */
    since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

// GET /api/clusters/:cluster/overview?since= - members with health, version, self and store stats, the
// leader's follower stats, machines, connection settings and chart samples. One etcd poll per interval
// per cluster, shared by every viewer.
export const GET = apiRoute(async ({ request, params }) => {
  const { name, client } = requireCluster(params);
  const { since } = readQuery(request, querySchema);
  const monitor = clusterMonitor(name, client);
  const poll = await monitor.current();
  return overviewOf(poll, clusterConnectionInfo(name)!, monitor.history(since));
});
