// The browser's call to POST …/copy: the JSON lines of lib/copy-move/protocol.ts, one at a time.
import type { CopyMoveBody } from "@/lib/copy-move/plan";
import type { CopyMoveLine } from "@/lib/copy-move/protocol";
import { fetchNdjson } from "./stream/ndjson";

/** Copies or moves; resolves when the report has come, rejects with an ApiError (or the abort reason). */
export function copyMove(cluster: string, body: CopyMoveBody, signal: AbortSignal, onLine: (line: CopyMoveLine) => void): Promise<void> {
  return fetchNdjson(
    `/api/clusters/${encodeURIComponent(cluster)}/copy`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal },
    (line) => onLine(line as CopyMoveLine),
  );
}
