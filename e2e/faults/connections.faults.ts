// Browser connections that vanish or stop reading must leave nothing behind in the dashboard: no etcd
// watch kept open for nobody, no backlog that grows with every change. A real etcd and the built dashboard;
// the streams are raw HTTP connections, cut or paused the way a closed tab or a stalled network does.
import http from "node:http";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directSet, runConcurrent, storeStats, waitFor } from "../../lib/testing/etcd-direct";
import { startOwnEtcd, type OwnEtcd } from "../own-etcd";
import { DashboardApi, subscribe } from "./load";

let own: OwnEtcd;
let api: DashboardApi;

beforeAll(async () => {
  // A small old generation makes V8 collect garbage early, so memory that is not freed shows as growth
  // (or as the server running out of memory) instead of hiding behind a lazily grown heap.
  own = await startOwnEtcd("faults-connections", (url) => [{ name: "faults", endpoints: [url] }], { NODE_OPTIONS: "--max-old-space-size=128" });
  api = new DashboardApi(own.dashboard.url, "faults");
});
afterAll(async () => {
  await own?.stop();
});

const MB = 1024 * 1024;

/** The dashboard server's resident memory now, from /proc. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** etcd's count of watchers waiting now (the dashboard's upstream long polls). */
const watchersNow = async () => (await storeStats(own.etcd.clientURL)).watchers!;

/** A watch stream as a raw connection; resolves once the first frame arrived (the stream is live). */
function openRaw(key: string, { pause = false } = {}): Promise<{ request: http.ClientRequest; response: http.IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${api.baseUrl}/api/clusters/faults/watch${key}?recursive=true`, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      response.once("data", () => {
        if (pause) response.pause();
        resolve({ request, response });
      });
    });
    request.on("error", reject);
  });
}

describe("browser connections", () => {
  it("vanished connections leave no upstream watch open, and memory does not grow round after round", async () => {
    expect(await waitFor(async () => (await watchersNow()) === 0, 10_000)).toBe(true);
    const rss: number[] = [];
    for (let round = 0; round < 10; round++) {
      const streams = await runConcurrent(200, 20, (i) => openRaw(`/vanish/r${round}/k${i % 50}`));
      // 200 streams of 50 keys: 50 upstream etcd watches, shared.
      expect(await waitFor(async () => (await watchersNow()) >= 50, 5_000)).toBe(true);
      for (const { request } of streams) request.destroy(); // the tab is gone: no goodbye, the socket just closes
      rss.push(rssOf(own.dashboard.pid));
    }
    // Each upstream lingers 3 s for a reload, then its etcd watch ends.
    expect(await waitFor(async () => (await watchersNow()) === 0, 10_000), "etcd watches left open").toBe(true);
    console.log(`RSS after each round of 200 vanished streams (MB): ${rss.map((r) => (r / MB).toFixed(0)).join(", ")}`);
    // The first rounds warm up code and pools; then, no growth.
    expect(Math.max(...rss.slice(5)) - Math.max(...rss.slice(0, 5))).toBeLessThan(20 * MB);
  });

  it("readers that stop reading are cut back to a resync instead of piling up changes; others are not held up", async () => {
    const before = rssOf(own.dashboard.pid);
    const stalled = await runConcurrent(20, 20, () => openRaw("/slow", { pause: true }));
    const reader = await subscribe(api, "/slow");
    // 400 changes of 64 KB: each frame carries the value and the previous one, about 51 MB per reader.
    const big = "x".repeat(64 * 1024);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(own.dashboard.pid))), 50);
    let last = 0;
    try {
      await runConcurrent(400, 4, async (i) => {
        const answer = await directSet(own.etcd.clientURL, `/slow/k${i % 10}`, `${i}${big}`);
        last = Math.max(last, answer.json.node.modifiedIndex);
      });
      // The reader that keeps reading gets every change (or a resync), while the others stall.
      expect(await reader.reached(last, 15_000)).toBe(true);
    } finally {
      clearInterval(sampler);
    }
    console.log(`dashboard RSS with 20 stalled readers of 400 changes of 64 KB: ${(before / MB).toFixed(0)} MB before, ${(peak / MB).toFixed(0)} MB at the peak`);
    expect(peak - before).toBeLessThan(200 * MB);

    // A stalled reader that reads again finds a resync (too slow) in its stream, not 51 MB of backlog.
    const { response } = stalled[0]!;
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => (text += chunk));
    response.resume();
    expect(await waitFor(() => text.includes('"reason":"too-slow"'), 10_000)).toBe(true);
    expect(text.length).toBeLessThan(30 * MB);

    for (const { request } of stalled) request.destroy();
    reader.close();
    expect(await waitFor(async () => (await watchersNow()) === 0, 10_000), "etcd watches left open").toBe(true);
  });
});
