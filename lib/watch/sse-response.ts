// A hub subscription as a text/event-stream response. The stream is pulled: items are taken only as fast
// as the client reads, so a slow client fills its own bounded queue in the hub, not the server's memory.
import "server-only";
import { SSE_COMMENT_KEEP_ALIVE } from "./sse";

/** A framed item (v2's HubItem, v3's HubItem3). */
type Framed = { frame: string };

/** What the response reads from: a hub subscription (lib/watch/subscription.ts) of either stream. */
export interface FramedSource {
  take(timeoutMs: number): Promise<Framed[] | null>;
  close(): void;
}

const encoder = new TextEncoder();
const KEEP_ALIVE_BYTES = encoder.encode(SSE_COMMENT_KEEP_ALIVE);
/** An event fans out to every subscriber of its upstream: encode its frame once, not once per subscriber. */
const encoded = new WeakMap<Framed, Uint8Array>();

function bytesOf(item: Framed): Uint8Array {
  let bytes = encoded.get(item);
  if (!bytes) {
    bytes = encoder.encode(item.frame);
    encoded.set(item, bytes);
  }
  return bytes;
}

function bytesOfAll(items: Framed[]): Uint8Array {
  if (items.length === 1) return bytesOf(items[0]!);
  const parts = items.map(bytesOf);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/** The stream ends when `signal` aborts: the browser went away, or the session that opened it ended. */
export function watchStream(subscription: FramedSource, signal: AbortSignal, keepAliveMs: number): Response {
  const close = () => subscription.close();
  if (signal.aborted) close();
  else signal.addEventListener("abort", close, { once: true });
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const items = await subscription.take(keepAliveMs);
        if (items === null) {
          signal.removeEventListener("abort", close);
          controller.close();
          return;
        }
        controller.enqueue(items.length === 0 ? KEEP_ALIVE_BYTES : bytesOfAll(items));
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
