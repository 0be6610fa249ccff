// GET /api/clusters/:cluster/keys/:key*: the one read the Keys page makes for every key and directory
// it opens. It lives here, apart from its route file, because scripts/server.mjs also serves it
// directly (lib/api/server/fast-path.ts): the same steps, without Next.js's per-request routing.
import "server-only";
import { getKeyQuerySchema } from "../schemas";
import { NO_STORE } from "./error-response";
import { keysResponseJson } from "./reshape";
import { readSearchParams } from "./request-guards";
import { apiRoute, requireCluster, requireKey, type RawParams } from "./route";

export interface KeyReadInput {
  params: RawParams;
  search: URLSearchParams;
  signal: AbortSignal;
}

/** The read itself, once the session has been checked (viewer): the answer's JSON text (a KeyResponse). */
export async function keyRead({ params, search, signal }: KeyReadInput): Promise<string> {
  const { client } = requireCluster(params);
  const key = requireKey(params);
  const query = readSearchParams(search, getKeyQuerySchema);
  return keysResponseJson(await client.keys.get(key, { ...query, signal }));
}

export const readKey = apiRoute(
  async ({ request, params }) =>
    new Response(await keyRead({ params, search: new URL(request.url).searchParams, signal: request.signal }), {
      headers: { ...NO_STORE, "content-type": "application/json" },
    }),
);
