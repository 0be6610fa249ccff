// A hub subscription as a text/event-stream response. The stream is pulled: items are taken only as fast
// as the client reads, so a slow client fills its own bounded queue in the hub, not the server's memory.
import "server-only";
import type { Subscription } from "./hub";
import { SSE_COMMENT_KEEP_ALIVE } from "./sse";

export function watchStream(subscription: Subscription, signal: AbortSignal, keepAliveMs: number): Response {
  const encoder = new TextEncoder();
  const close = () => subscription.close();
  signal.addEventListener("abort", close, { once: true });
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const items = await subscription.take(keepAliveMs);
        if (items === null) {
          signal.removeEventListener("abort", close);
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(items.length === 0 ? SSE_COMMENT_KEEP_ALIVE : items.map((item) => item.frame).join("")));
      },
      cancel() {
        signal.removeEventListener("abort", close);
        close();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip would otherwise buffer the stream.
      "cache-control": "no-cache, no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
