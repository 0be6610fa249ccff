import { ApiError } from "@/lib/api/errors";
import { requireCluster3 } from "@/lib/api/server/cluster3";
import { readQuery } from "@/lib/api/server/request-guards";
import { apiRoute } from "@/lib/api/server/route";
import { v3BytesParamSchema } from "@/lib/keyspace3/key-url";
import { sessionWatchResponse } from "@/lib/watch/session-stream";
import { lastEventId3Schema, watch3QuerySchema, type Position3 } from "@/lib/watch3/protocol";
import { watchRange } from "@/lib/watch3/hub3";
import { watchHub3 } from "@/lib/watch3/server-hub3";
import { checkWideWatch } from "@/lib/watch3/wide-watch-check";

export const dynamic = "force-dynamic";

// The empty key with prefix=true is every key (the whole keyspace, §6); alone it names no key.
const querySchema = watch3QuerySchema
  .extend({ key: v3BytesParamSchema })
  .refine((query) => query.key.length > 0 || query.prefix, { path: ["key"], message: "a key is one byte or more; key= with prefix=true watches every key" });

// GET /api/clusters/:cluster/v3/watch?key=<display form>&prefix=true&fromRevision=N - server-sent events of
// a v3 key's changes (or every key under a prefix; `key=&prefix=true`: every key), frames and ids as lib/watch3/protocol.ts describes;
// Last-Event-ID (R or R.n) resumes right after that event, and wins over fromRevision. Same session
// stream quota (429 too_many_streams) and session-bound end as the v2 watch route; 404 keyspace_not_offered on a
// cluster configured without v3, as every v3 route.
export const GET = apiRoute(async ({ request, params }) => {
  const { name, client } = requireCluster3(params);
  const { key, prefix, fromRevision } = readQuery(request, querySchema);
  const after = resumePosition(request.headers.get("last-event-id")) ?? (fromRevision === undefined ? undefined : { revision: fromRevision - 1, seq: Infinity });
  // §9: a watch to the end of the keyspace would show what the dashboard's etcd user may not read; refused (403) unless a Range of it is allowed.
  await checkWideWatch(client, watchRange(key, prefix), request.signal);
  return sessionWatchResponse(request, () => watchHub3().subscribe({ cluster: name, client, key, prefix, after }));
});

/** The position `Last-Event-ID` names (EventSource sends it when it reconnects). */
function resumePosition(header: string | null): Position3 | undefined {
  if (header === null || header === "") return undefined;
  const parsed = lastEventId3Schema.safeParse(header);
  if (!parsed.success) {
    throw ApiError.of("invalid_input", "Last-Event-ID must be the id of an event of this stream (R or R.n).", {
      issues: [{ path: "header.last-event-id", message: "not a revision, or revision.n" }],
    });
  }
  return parsed.data;
}
