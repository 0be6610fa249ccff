import { bulkDeleteBodySchema } from "@/lib/bulk-delete/schema";
import { runBulkDelete } from "@/lib/bulk-delete/run";
import { ndjsonResponse } from "@/lib/api/server/ndjson";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { apiRoute, requireCluster } from "@/lib/api/server/route";

export const dynamic = "force-dynamic";

// POST /api/clusters/:cluster/bulk-delete - delete selected keys and directories, each by compare-and-delete
// on the index the browser listed it with; streams JSON lines: start, progress, one item per key, done.
export const POST = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const { items } = await readJsonBody(request, bulkDeleteBodySchema);
    return ndjsonResponse(runBulkDelete({ client, cluster: name, user: user.name, items, signal: request.signal }), request.signal);
  },
  { mutating: true },
);
