import { deleteKeyQuerySchema, postKeyBodySchema, putKeyBodySchema } from "@/lib/api/schemas";
import { readKey } from "@/lib/api/server/key-read";
import { reshapeKeysResult, writeStatus } from "@/lib/api/server/reshape";
import { readJsonBody, readQuery } from "@/lib/api/server/request-guards";
import { apiRoute, json, requireCluster, requireKey } from "@/lib/api/server/route";
import { describeWrite, keysOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/keys/:key* - a key, or a directory with its children (?recursive, sorted, quorum).
// scripts/server.mjs usually answers it before Next.js with the same handler (lib/api/server/fast-path.ts).
export const GET = readKey;

// PUT /api/clusters/:cluster/keys/:key* - set, create, update, CAS, TTL set / refresh / remove, mkdir
export const PUT = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const key = requireKey(params);
    const body = await readJsonBody(request, putKeyBodySchema);
    const result = await audited({ user: user.name, cluster: name, operation: "put", key, ...describeWrite(body) }, () => client.keys.put(key, body), keysOutcome);
    return json(reshapeKeysResult(result), writeStatus(result));
  },
  { mutating: true },
);

// POST /api/clusters/:cluster/keys/:dir* - an in-order key in the directory
export const POST = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const dir = requireKey(params);
    const body = await readJsonBody(request, postKeyBodySchema);
    const write = () => client.keys.createInOrder(dir, body.value, { ttl: body.ttl });
    const result = await audited({ user: user.name, cluster: name, operation: "post", key: dir, ...describeWrite(body) }, write, keysOutcome);
    return json(reshapeKeysResult(result), 201);
  },
  { mutating: true },
);

// DELETE /api/clusters/:cluster/keys/:key* - delete, compare-and-delete, delete a directory (?dir, recursive)
export const DELETE = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const key = requireKey(params);
    const query = readQuery(request, deleteKeyQuerySchema);
    return reshapeKeysResult(await audited({ user: user.name, cluster: name, operation: "delete", key, ...describeWrite(query) }, () => client.keys.delete(key, query), keysOutcome));
  },
  { mutating: true },
);
