// A hub subscription ordered by v3 positions (lib/watch/subscription.ts with order3).
import { describe, expect, it } from "vitest";
import { Subscription } from "@/lib/watch/subscription";
import { formatEventId3 } from "./protocol";
import { frames3, order3, type HubItem3 } from "./frames";
import type { WatchEvent3 } from "./wire";

const put = (key: string, revision: number): WatchEvent3 => ({
  type: "put",
  kv: { key: new Uint8Array(Buffer.from(key)), value: new Uint8Array(0), createRevision: revision, modRevision: revision, version: 1, lease: "0" },
});
const ids = (items: HubItem3[] | null) => (items ?? []).map((item) => ("position" in item ? `${item.type}@${formatEventId3(item.position)}` : item.type));
const subscription = (items = 100) => new Subscription<HubItem3, typeof order3.start>({ items, size: Infinity }, () => undefined, order3);

describe("Subscription ordered by v3 positions", () => {
  it("hands on every event of a transaction once, and drops what repeats a position already handed on", async () => {
    const s = subscription();
    const txn = frames3.events([put("/a", 906), put("/b", 906), put("/c", 906)]);
    s.push(frames3.ready(905));
    for (const item of txn) s.push(item);
    for (const item of txn) s.push(item);
    s.push(frames3.progress(906));
    for (const item of frames3.events([put("/a", 907)])) s.push(item);
    expect(ids(await s.take(10))).toEqual(["ready@905", "event@906.1", "event@906.2", "event@906", "event@907"]);
  });

  it("resumes inside a revision: a catch-up replaying the whole revision hands on only what followed Last-Event-ID", async () => {
    const s = subscription();
    s.beginCatchUp();
    for (const item of frames3.events([put("/a", 907)])) s.push(item);
    // Last-Event-ID 906.1: the private watch starts at 906 and replays its first event too.
    s.pushCatchUp(frames3.ready({ revision: 906, seq: 1 }));
    for (const item of frames3.events([put("/a", 906), put("/b", 906), put("/c", 906)])) s.pushCatchUp(item);
    s.endCatchUp();
    expect(ids(await s.take(10))).toEqual(["ready@906.1", "event@906.2", "event@906", "event@907"]);
  });

  it("cuts a slow reader back mid-revision to one resync at that revision, and goes on after it", async () => {
    const s = subscription(3);
    s.push(frames3.ready(900));
    for (const item of frames3.events([put("/a", 901), put("/a", 902)])) s.push(item);
    // The fourth item, 903.1, overflows the queue: the reload at 903 covers the rest of that transaction.
    for (const item of frames3.events([put("/a", 903), put("/b", 903), put("/c", 903), put("/a", 904)])) s.push(item);
    expect(ids(await s.take(10))).toEqual(["resync@903", "event@904"]);
  });

  it("lets ready and resync restate the position reached, but not events or progress", async () => {
    const s = subscription();
    s.push(frames3.ready(905));
    for (const item of frames3.events([put("/a", 906)])) s.push(item);
    s.push(frames3.progress(906));
    s.push(frames3.resync(906, "compacted"));
    expect(ids(await s.take(10))).toEqual(["ready@905", "event@906", "resync@906"]);
  });

  it("cuts back a reader overflowing while it catches up to the furthest position reached, caught up or held", async () => {
    const s = subscription(4);
    s.beginCatchUp();
    s.pushCatchUp(frames3.ready(900));
    for (const item of frames3.events([put("/a", 901), put("/a", 902), put("/a", 903)])) s.pushCatchUp(item);
    for (const item of frames3.events([put("/a", 901)])) s.push(item);
    for (let i = 0; i < 4; i++) s.push(frames3.status("retrying", "etcd is down"));
    expect(ids(await s.take(10))).toEqual(["resync@903"]);
  });
});
