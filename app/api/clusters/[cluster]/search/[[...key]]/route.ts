import { ndjsonResponse } from "@/lib/api/server/ndjson";
import { readQuery } from "@/lib/api/server/request-guards";
import { apiRoute, requireCluster, requireKey } from "@/lib/api/server/route";
import { searchQuerySchema } from "@/lib/search/query";
import { startSearch } from "@/lib/search/run";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/search/:dir* - search a subtree by key name and/or value (?q, in, regex,
// caseSensitive, limit): JSON lines, the subtree's size first, then matches and progress, then done.
// A user runs at most SEARCHES_PER_USER at once: 429 too_many_requests (with Retry-After) beyond.
export const GET = apiRoute(async ({ request, params, user }) => {
  const { client } = requireCluster(params);
  const dir = requireKey(params);
  const query = readQuery(request, searchQuerySchema);
  return ndjsonResponse(await startSearch(client, user.name, dir, query, request.signal), request.signal);
});
