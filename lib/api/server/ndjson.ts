// Long operations (search, import, copy, move, bulk delete) answer as a stream of JSON lines, so the
// browser shows results and progress as they happen. The stream is pulled: the generator runs only as fast
// as the client reads, and stops when the client goes away (request.signal). A failure after the first
// line cannot change the HTTP status any more: it becomes a last `{"type":"error","error":{…}}` line,
// the same envelope as every other error (lib/api/stream/ndjson.ts reads it back as an ApiError).
import "server-only";
import { errorEnvelope } from "./error-response";

const NDJSON_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

const encoder = new TextEncoder();

/**
 * A 200 response streaming each item the generator yields as one JSON line. `signal` (the request's)
 * ends the generator when the client disconnects.
 */
export function ndjsonResponse(lines: AsyncIterable<unknown>, signal: AbortSignal): Response {
  const iterator = lines[Symbol.asyncIterator]();
  const stop = () => void iterator.return?.(undefined)?.catch(() => undefined);
  signal.addEventListener("abort", stop, { once: true });
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) {
            signal.removeEventListener("abort", stop);
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
        } catch (error) {
          signal.removeEventListener("abort", stop);
          if (signal.aborted) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(`${JSON.stringify({ type: "error", ...errorEnvelope(error) })}\n`));
          controller.close();
        }
      },
      cancel() {
        signal.removeEventListener("abort", stop);
        stop();
      },
    },
    { highWaterMark: 0 },
  );
  // no-transform: Next's gzip would otherwise hold the lines back until the stream ends (or 16 KB).
  return new Response(body, { headers: { "cache-control": "no-store, no-transform", "content-type": NDJSON_CONTENT_TYPE, "x-accel-buffering": "no" } });
}
