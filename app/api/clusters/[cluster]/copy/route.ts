import { ndjsonResponse } from "@/lib/api/server/ndjson";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { copyMoveBodySchema } from "@/lib/copy-move/plan";
import { prepareCopyMove, runCopyMove } from "@/lib/copy-move/run";

export const dynamic = "force-dynamic";

// POST /api/clusters/:cluster/copy - copy (or move: { move: true }) a key or directory to another path,
// streaming progress and a final report as JSON lines. Not atomic: etcd v2 has no transactions.
export const POST = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const body = await readJsonBody(request, copyMoveBodySchema);
    const copy = { client, cluster: name, user: user.name, ...body };
    const items = await prepareCopyMove(copy, request.signal);
    return ndjsonResponse(runCopyMove(copy, items), request.signal);
  },
  { mutating: true },
);
