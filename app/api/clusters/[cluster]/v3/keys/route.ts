import { deleteKey3QuerySchema, getKeys3QuerySchema, keyQuery3Schema, putKey3BodySchema } from "@/lib/api/keys3";
import { requireCluster3 } from "@/lib/api/server/cluster3";
import { ndjsonResponse } from "@/lib/api/server/ndjson";
import { readJsonBody, readQuery } from "@/lib/api/server/request-guards";
import { apiRoute, json } from "@/lib/api/server/route";
import { describeWrite3, revisionOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { deletePrefix3 } from "@/lib/keys3/delete-prefix";
import { deleteKey3, putKey3, readKey3 } from "@/lib/keys3/key-ops";
import { listDir3 } from "@/lib/keys3/list-dir";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/v3/keys?key=<key> - a v3 key, its value and lease
// GET /api/clusters/:cluster/v3/keys?dir=<prefix>[&revision=&from=] - a directory's children at one revision
export const GET = apiRoute(async ({ request, params }) => {
  const { client } = requireCluster3(params);
  const query = readQuery(request, getKeys3QuerySchema);
  if (query.key) return readKey3(client, query.key, request.signal);
  return listDir3(client, query.dir!, { signal: request.signal, revision: query.revision, from: query.from });
});

// PUT /api/clusters/:cluster/v3/keys?key=<key> - save (CAS on modRevision) or create if absent; TTL grant / keep / detach
export const PUT = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster3(params);
    const { key } = readQuery(request, keyQuery3Schema);
    const body = await readJsonBody(request, putKey3BodySchema);
    const what = { user: user.name, cluster: name, keyspace: "v3" as const, operation: "put", key: keyDisplay(key), ...describeWrite3(body) };
    const result = await audited(what, () => putKey3(client, key, body), revisionOutcome);
    return json(result, body.create ? 201 : 200);
  },
  { mutating: true },
);

// DELETE /api/clusters/:cluster/v3/keys?key=<key>&modRevision=<r> - compare-and-delete
// DELETE /api/clusters/:cluster/v3/keys?dir=<prefix>&seenAt=<r> - the directory's keys as listed at seenAt, each
// compared on its mod revision; JSON lines: progress, kept / failed per key, done
export const DELETE = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster3(params);
    const query = readQuery(request, deleteKey3QuerySchema);
    if (query.dir) {
      const run = deletePrefix3({ client, cluster: name, user: user.name, prefix: query.dir, seenAt: query.seenAt!, signal: request.signal });
      return ndjsonResponse(run, request.signal);
    }
    const { key, modRevision } = { key: query.key!, modRevision: query.modRevision! };
    const what = { user: user.name, cluster: name, keyspace: "v3" as const, operation: "delete", key: keyDisplay(key), ...describeWrite3({ modRevision }) };
    return audited(what, () => deleteKey3(client, key, modRevision), revisionOutcome);
  },
  { mutating: true },
);
