import { ApiError } from "@/lib/api/errors";
import { readQuery } from "@/lib/api/server/request-guards";
import { apiRoute, requireCluster, requireKey } from "@/lib/api/server/route";
import { lastEventIdSchema, watchQuerySchema } from "@/lib/watch/protocol";
import { watchHub } from "@/lib/watch/server-hub";
import { sessionWatchResponse } from "@/lib/watch/session-stream";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/watch/:key* - server-sent events of the key's changes (?recursive, waitIndex);
// Last-Event-ID resumes right after that index. The frames are described in lib/watch/protocol.ts.
// A session holds at most MAX_STREAMS_PER_SESSION streams at once; the next is a 429 (too_many_streams).
// With no login configured there is no session to count against (the one operator's tabs and benches).
export const GET = apiRoute(async ({ request, params }) => {
  const { name, client } = requireCluster(params);
  const key = requireKey(params);
  const { recursive, waitIndex } = readQuery(request, watchQuerySchema);
  const fromIndex = resumeIndex(request.headers.get("last-event-id")) ?? waitIndex;
  return sessionWatchResponse(request, () => watchHub().subscribe({ cluster: name, client, key, recursive, fromIndex }));
});

/** The index after `Last-Event-ID`, which EventSource sends when it reconnects. */
function resumeIndex(header: string | null): number | undefined {
  if (header === null || header === "") return undefined;
  const parsed = lastEventIdSchema.safeParse(header);
  if (!parsed.success) {
    throw ApiError.of("invalid_input", "Last-Event-ID must be the index of an event.", { issues: [{ path: "header.last-event-id", message: "not an index" }] });
  }
  return parsed.data + 1;
}
