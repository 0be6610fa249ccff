import { ndjsonResponse } from "@/lib/api/server/ndjson";
import { readJsonBody, readQuery } from "@/lib/api/server/request-guards";
import { apiRoute, requireCluster, requireKey } from "@/lib/api/server/route";
import { importFileSchema, importQuerySchema } from "@/lib/transfer/format";
import { previewOf } from "@/lib/transfer/plan";
import { releasingAfter } from "@/lib/api/server/user-slots";
import { MAX_IMPORT_BODY_BYTES, planAgainstEtcd, readImportNodes, runImport } from "@/lib/transfer/server";
import { importSlots } from "@/lib/transfer/slots";

export const dynamic = "force-dynamic";

// POST /api/clusters/:cluster/import/:dir* - an export file into a directory: ?dryRun=true answers the plan;
// otherwise JSON lines of progress and a report (?onExisting=skip|overwrite, ?since=<the dry run's etcdIndex>).
// A user runs at most TRANSFERS_PER_USER imports at once, dry runs included: 429 too_many_requests beyond,
// before the file is read.
export const POST = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const target = requireKey(params);
    const query = readQuery(request, importQuerySchema);
    const slot = importSlots().take(user.name, request.signal);
    try {
      const file = await readJsonBody(request, importFileSchema, { maxBytes: MAX_IMPORT_BODY_BYTES });
      const nodes = await readImportNodes(file.nodes);
      const plan = await planAgainstEtcd(client, target, nodes, query.since, request.signal);
      if (query.dryRun) {
        slot.release();
        return previewOf(plan);
      }
      return ndjsonResponse(releasingAfter(runImport({ client, cluster: name, user: user.name, plan, onExisting: query.onExisting ?? "skip" }), slot), request.signal);
    } catch (error) {
      slot.release();
      throw error;
    }
  },
  { mutating: true },
);
