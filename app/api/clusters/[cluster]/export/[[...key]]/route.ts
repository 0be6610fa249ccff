import { apiRoute, requireCluster, requireKey } from "@/lib/api/server/route";
import { exportResponse } from "@/lib/transfer/server";
import { exportSlots } from "@/lib/transfer/slots";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/export/:key* - a directory's subtree (or one key) as an export file download.
// A user runs at most TRANSFERS_PER_USER exports at once (until the reader has the file, or went away):
// 429 too_many_requests (with Retry-After) beyond.
export const GET = apiRoute(async ({ request, params, user }) => {
  const { name, client } = requireCluster(params);
  const key = requireKey(params);
  const slot = exportSlots().take(user.name, request.signal);
  try {
    return await exportResponse(client, name, key, request.signal, slot.release);
  } catch (error) {
    slot.release();
    throw error;
  }
});
