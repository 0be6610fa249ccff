// GET /api/clusters/:cluster/v3/watch through the built dashboard and a real etcd (v3 written through its
// JSON gateway): the SSE frames with revision ids (R.n inside a transaction), resume with Last-Event-ID and
// fromRevision, input errors, an unknown cluster.
import { expect, expectApiError, expectInvalid, test } from "../fixtures";
import { openStream, type OpenStream } from "../sse-client";
import { keyDisplay } from "../../lib/keyspace3/key-bytes";
import { encodeKeyParam } from "../../lib/keyspace3/key-url";
import type { SseFrame } from "../../lib/watch/sse";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const watch3Path = (key: string, query = "", cluster = "default") =>
  `/api/clusters/${encodeURIComponent(cluster)}/v3/watch?key=${encodeKeyParam(Buffer.from(key))}${query}`;
const changes = (frames: SseFrame[]) => frames.filter((f) => f.event === "put" || f.event === "delete");
const values = (frames: SseFrame[]) => changes(frames).map((f) => Buffer.from(JSON.parse(f.data!).value ?? "", "base64").toString());

/** etcd's v3 JSON gateway (§2): one call, its revision. */
async function v3(etcdURL: string, path: string, body: object): Promise<number> {
  const response = await fetch(`${etcdURL}/v3/${path}`, { method: "POST", body: JSON.stringify(body) });
  const json = (await response.json()) as { header: { revision: string } };
  if (!response.ok) throw new Error(`etcd v3 ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return Number(json.header.revision);
}
const put = (etcdURL: string, key: string, value: string) => v3(etcdURL, "kv/put", { key: b64(key), value: b64(value) });

test.describe("GET /api/clusters/:cluster/v3/watch", () => {
  const streams: OpenStream[] = [];
  test.afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  const open = async (url: string, headers?: Record<string, string>) => {
    const stream = await openStream(url, headers);
    streams.push(stream);
    return stream;
  };

  test("streams ready, then each change with its revision as id, bytes in base64", async ({ baseURL, etcd, ns }) => {
    const stream = await open(baseURL + watch3Path(`${ns}/k`));
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await stream.until((f) => f.some((x) => x.event === "ready"));
    const ready = stream.frames.find((f) => f.event === "ready")!;
    expect(JSON.parse(ready.data!)).toEqual({ revision: Number(ready.id) });
    const revision = await put(etcd.url, `${ns}/k`, "<b>one</b>");
    const deleted = await v3(etcd.url, "kv/deleterange", { key: b64(`${ns}/k`) });
    await stream.until((f) => changes(f).length >= 2);
    const [first, second] = changes(stream.frames);
    expect(first).toMatchObject({ event: "put", id: String(revision) });
    expect(JSON.parse(first!.data!)).toMatchObject({ type: "put", key: b64(`${ns}/k`), value: b64("<b>one</b>"), modRevision: revision, version: 1 });
    expect(second).toMatchObject({ event: "delete", id: String(deleted) });
    expect(JSON.parse(second!.data!).prevKv.value).toBe(b64("<b>one</b>"));
  });

  test("a prefix watch numbers a transaction's events R.1, R.2, R; Last-Event-ID resumes inside it", async ({ baseURL, etcd, ns }) => {
    const stream = await open(baseURL + watch3Path(`${ns}/`, "&prefix=true"));
    await stream.until((f) => f.some((x) => x.event === "ready"));
    const R = await v3(etcd.url, "kv/txn", { success: ["a", "b", "c"].map((name) => ({ request_put: { key: b64(`${ns}/${name}`), value: b64(name) } })) });
    await put(etcd.url, `${ns}/d`, "d");
    await stream.until((f) => changes(f).length >= 4);
    expect(changes(stream.frames).map((f) => f.id)).toEqual([`${R}.1`, `${R}.2`, String(R), String(R + 1)]);
    const resumed = await open(baseURL + watch3Path(`${ns}/`, "&prefix=true"), { "last-event-id": `${R}.1` });
    await resumed.until((f) => changes(f).length >= 3);
    expect(values(resumed.frames)).toEqual(["b", "c", "d"]);
    const fromRevision = await open(baseURL + watch3Path(`${ns}/`, `&prefix=true&fromRevision=${R + 1}`));
    await fromRevision.until((f) => changes(f).length >= 1);
    expect(values(fromRevision.frames)).toEqual(["d"]);
    // Nothing more, nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(values(resumed.frames)).toEqual(["b", "c", "d"]);
  });

  test("key= with prefix=true streams every key: with and without a leading \"/\", and not UTF-8", async ({ baseURL, etcd, ns }) => {
    const stream = await open(`${baseURL}/api/clusters/default/v3/watch?key=&prefix=true`);
    expect(stream.status).toBe(200);
    await stream.until((f) => f.some((x) => x.event === "ready"));
    const tag = ns.replace(/^\/+/, "");
    const keys = [`/${tag}/a`, `${tag}/no-slash`, `${tag}-bytes\\xff`];
    await put(etcd.url, keys[0]!, "1");
    await put(etcd.url, keys[1]!, "2");
    await v3(etcd.url, "kv/put", { key: Buffer.concat([Buffer.from(`${tag}-bytes`), Buffer.of(0xff)]).toString("base64"), value: b64("3") });
    // Other tests write to the same etcd at the same time: only this test's keys are looked at.
    const ours = (frames: SseFrame[]) =>
      changes(frames)
        .map((f) => Buffer.from(JSON.parse(f.data!).key, "base64"))
        .filter((key) => key.includes(tag))
        .map(keyDisplay);
    await stream.until((f) => ours(f).length >= 3);
    expect(ours(stream.frames)).toEqual(keys);
  });

  test("rejects bad input with the JSON error envelope, and an unknown cluster with a 404", async ({ request, ns }) => {
    await expectApiError(await request.get(watch3Path(`${ns}/k`, "", "nope")), 404, "cluster_not_found");
    await expectInvalid(await request.get(`/api/clusters/default/v3/watch`), "query.key");
    // An empty key is the whole keyspace with prefix=true only: etcd has no empty key to watch alone.
    await expectInvalid(await request.get(`/api/clusters/default/v3/watch?key=`), "query.key");
    await expectInvalid(await request.get(`/api/clusters/default/v3/watch?key=&prefix=false`), "query.key");
    await expectInvalid(await request.get(watch3Path(`${ns}/k`, "&fromRevision=0")), "query.fromRevision");
    await expectInvalid(await request.get(watch3Path(`${ns}/k`, "&prefix=yes")), "query.prefix");
    await expectInvalid(await request.get(watch3Path(`${ns}/k`, "&endpoint=http://evil")), /query/);
    await expectInvalid(await request.get(`/api/clusters/default/v3/watch?key=%EF%BF%BD`), "query.key");
    await expectInvalid(await request.get(watch3Path(`${ns}/k`), { headers: { "last-event-id": "12.0" } }), "header.last-event-id");
    expect((await request.post(watch3Path(`${ns}/k`))).status()).toBe(405);
  });
});
