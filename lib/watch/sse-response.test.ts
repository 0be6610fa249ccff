import { describe, expect, it } from "vitest";
import { frames } from "./hub-frames";
import { Subscription } from "./subscription";
import { watchStream } from "./sse-response";

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  const { value, done } = await reader.read();
  return done ? null : new TextDecoder().decode(value);
}

describe("watchStream", () => {
  it("sends queued frames together, a keep-alive comment when idle, and ends when the subscription does", async () => {
    const subscription = new Subscription({ items: 10, size: Infinity }, () => undefined);
    const response = watchStream(subscription, new AbortController().signal, 30);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    subscription.push(frames.ready(5));
    subscription.push(frames.progress(6));
    expect(await readChunk(reader)).toBe('event: ready\nid: 5\ndata: {"etcdIndex":5}\n\nid: 6\n\n');
    expect(await readChunk(reader)).toBe(": keep-alive\n\n");
    subscription.finish();
    expect(await readChunk(reader)).toBeNull();
  });

  it("closes the subscription when the client goes away", async () => {
    let closed = 0;
    const subscription = new Subscription({ items: 10, size: Infinity }, () => closed++);
    const client = new AbortController();
    watchStream(subscription, client.signal, 1_000);
    client.abort();
    expect(closed).toBe(1);
    expect(subscription.isClosed).toBe(true);
  });
});
