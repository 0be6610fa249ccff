// GET /api/clusters/:cluster/watch/:key* through the built dashboard and a real etcd: the SSE frames,
// resume with Last-Event-ID and waitIndex, one upstream etcd watch for many subscribers, input errors.
import { encodeKey, expect, expectApiError, expectInvalid, test } from "../fixtures";
import { actionFrames, openStream, type OpenStream } from "../sse-client";

const watchPath = (key: string, query = "", cluster = "default") => `/api/clusters/${encodeURIComponent(cluster)}/watch${encodeKey(key)}${query}`;

test.describe("GET /api/clusters/:cluster/watch", () => {
  const streams: OpenStream[] = [];
  test.afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  const open = async (url: string, headers?: Record<string, string>) => {
    const stream = await openStream(url, headers);
    streams.push(stream);
    return stream;
  };

  test("streams ready, then each change with its index as id and action as event", async ({ baseURL, etcd, ns }) => {
    const stream = await open(baseURL + watchPath(`${ns}/k`));
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toContain("no-transform");
    await stream.until((f) => f.some((x) => x.event === "ready"));
    const ready = stream.frames.find((f) => f.event === "ready")!;
    expect(JSON.parse(ready.data!)).toEqual({ etcdIndex: Number(ready.id) });

    const set = await etcd.put(`${ns}/k`, "<b>one</b>");
    const started = Date.now();
    await stream.until((f) => actionFrames(f).length >= 1, 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    await etcd.delete(`${ns}/k`);
    await stream.until((f) => actionFrames(f).length >= 2);
    const [first, second] = actionFrames(stream.frames);
    expect(first).toMatchObject({ event: "set", id: String(set.body.node!.modifiedIndex) });
    expect(JSON.parse(first!.data!)).toEqual({ action: "set", node: set.body.node });
    expect(second!.event).toBe("delete");
    expect(JSON.parse(second!.data!).prevNode.value).toBe("<b>one</b>");
  });

  test("a recursive watch sees changes below the directory", async ({ baseURL, etcd, ns }) => {
    const stream = await open(baseURL + watchPath(ns, "?recursive=true"));
    await stream.until((f) => f.some((x) => x.event === "ready"));
    await etcd.put(`${ns}/a/b`, "1");
    await etcd.put(`${ns}/c`, "2", { ttl: "1" });
    await stream.until((f) => actionFrames(f).some((x) => x.event === "expire"), 5_000);
    expect(actionFrames(stream.frames).map((f) => [f.event, JSON.parse(f.data!).node.key])).toEqual([
      ["set", `${ns}/a/b`],
      ["set", `${ns}/c`],
      ["expire", `${ns}/c`],
    ]);
  });

  test("Last-Event-ID resumes right after that index; waitIndex replays from it", async ({ baseURL, etcd, ns }) => {
    const indexes: number[] = [];
    for (let i = 0; i < 4; i++) indexes.push((await etcd.put(`${ns}/k`, `v${i}`)).body.node!.modifiedIndex);
    const resumed = await open(baseURL + watchPath(`${ns}/k`), { "last-event-id": String(indexes[1]) });
    await resumed.until((f) => actionFrames(f).length >= 2);
    expect(actionFrames(resumed.frames).map((f) => Number(f.id))).toEqual(indexes.slice(2));
    const replayed = await open(baseURL + watchPath(`${ns}/k`, `?waitIndex=${indexes[0]}`));
    await replayed.until((f) => actionFrames(f).length >= 4);
    expect(actionFrames(replayed.frames).map((f) => JSON.parse(f.data!).node.value)).toEqual(["v0", "v1", "v2", "v3"]);
    // Nothing more, nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(actionFrames(replayed.frames)).toHaveLength(4);
  });

  test("a resume point older than etcd's history gives a resync with the current index", async ({ baseURL, etcd, ns }) => {
    const start = (await etcd.put(`${ns}/k`, "first")).body.node!.modifiedIndex;
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 1_050; i++) {
      writes.push(etcd.put(`${ns}/noise${i % 20}`, String(i)));
      if (writes.length >= 16) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    const stream = await open(baseURL + watchPath(`${ns}/k`), { "last-event-id": String(start) });
    await stream.until((f) => f.some((x) => x.event === "resync"));
    const resync = stream.frames.find((f) => f.event === "resync")!;
    expect(JSON.parse(resync.data!)).toEqual({ etcdIndex: Number(resync.id), reason: "history-cleared" });
    expect(Number(resync.id)).toBeGreaterThan(start + 1_000);
    await etcd.put(`${ns}/k`, "after");
    await stream.until((f) => actionFrames(f).length >= 1);
    expect(JSON.parse(actionFrames(stream.frames)[0]!.data!).node.value).toBe("after");
  });

  test("rejects bad input with the JSON error envelope", async ({ request, ns }) => {
    await expectApiError(await request.get(watchPath(`${ns}/k`, "", "nope")), 404, "cluster_not_found");
    await expectInvalid(await request.get(watchPath(`${ns}/k`, "?waitIndex=abc")), "query.waitIndex");
    await expectInvalid(await request.get(watchPath(`${ns}/k`, "?waitIndex=0")), "query.waitIndex");
    await expectInvalid(await request.get(watchPath(`${ns}/k`, "?recursive=yes")), "query.recursive");
    await expectInvalid(await request.get(watchPath(`${ns}/k`, "?endpoint=http://evil")), /query/);
    await expectInvalid(await request.get(watchPath(`${ns}/k`), { headers: { "last-event-id": "abc" } }), "header.last-event-id");
    expect((await request.post(watchPath(`${ns}/k`))).status()).toBe(405);
  });

  test("a cluster that cannot be reached says so on the stream and keeps retrying", async ({ baseURL }) => {
    const stream = await open(baseURL + watchPath("/k", "", "down"));
    expect(stream.status).toBe(200);
    await stream.until((f) => f.some((x) => x.event === "status"));
    expect(JSON.parse(stream.frames.find((f) => f.event === "status")!.data!)).toMatchObject({ state: "retrying" });
  });
});
