// A dashboard restart loses no event: a subscriber that reconnects to the new server with the
// Last-Event-ID it last received gets every change made while the server was down, once, in order.
import { startDashboard } from "../../scripts/lib/dashboard.mjs";
import { encodeKey, expect, test } from "../fixtures";
import { actionFrames, openStream } from "../sse-client";

test("Last-Event-ID after a restart of the dashboard resumes with the changes made while it was down", async ({ etcd, ns }) => {
  test.setTimeout(120_000);
  const path = `/api/clusters/default/watch${encodeKey(ns)}?recursive=true`;
  let dashboard = await startDashboard({ etcdEndpoints: [etcd.url] });
  try {
    const before = await openStream(dashboard.url + path);
    await before.until((f) => f.some((x) => x.event === "ready"));
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push((await etcd.put(`${ns}/before${i}`, String(i))).body.node!.modifiedIndex);
    await before.until((f) => actionFrames(f).length === 3);
    const lastEventId = actionFrames(before.frames).at(-1)!.id!;
    expect(Number(lastEventId)).toBe(seen[2]);

    const port = dashboard.port;
    await dashboard.stop();
    before.close();
    const whileDown: number[] = [];
    for (let i = 0; i < 5; i++) whileDown.push((await etcd.put(`${ns}/down${i}`, String(i))).body.node!.modifiedIndex);
    await etcd.delete(`${ns}/before0`).then((r) => whileDown.push(r.body.node!.modifiedIndex));

    dashboard = await startDashboard({ etcdEndpoints: [etcd.url], port });
    const after = await openStream(dashboard.url + path, { "last-event-id": lastEventId });
    await after.until((f) => actionFrames(f).length >= whileDown.length);
    const later = (await etcd.put(`${ns}/after`, "x")).body.node!.modifiedIndex;
    await after.until((f) => actionFrames(f).some((x) => Number(x.id) === later));
    expect(actionFrames(after.frames).map((f) => Number(f.id))).toEqual([...whileDown, later]);
    expect(after.frames.some((f) => f.event === "resync")).toBe(false);
    after.close();
  } finally {
    await dashboard.stop();
  }
});
