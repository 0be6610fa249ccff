// Watch fan-out: N server-sent-event subscribers of one key through the dashboard's hub, against one
// direct etcd long-poll watcher of the same key. Latency runs from just before the write is sent to etcd
// to the moment a subscriber has parsed the event.
import http from "node:http";
import { SseParser } from "../lib/watch/sse";
import { summarize, type LatencyStats } from "./http-load";
import { treeMemoryMb } from "./process-memory";

export interface FanoutResult {
  subscribers: number;
  upstreamWatches: number;
  direct: LatencyStats;
  dashboard: LatencyStats;
  rssMb: number;
  received: number;
  expected: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storeWatchers(etcdURL: string): Promise<number> {
  const response = await fetch(`${etcdURL}/v2/stats/store`);
  return ((await response.json()) as { watchers: number }).watchers;
}

/** etcd's watcher count once it has stopped changing. */
async function stableWatchers(etcdURL: string): Promise<number> {
  let previous = await storeWatchers(etcdURL);
  for (;;) {
    await sleep(300);
    const now = await storeWatchers(etcdURL);
    if (now === previous) return now;
    previous = now;
  }
}

interface Subscriber {
  ready: Promise<void>;
  close(): void;
}

/** One SSE subscriber; `onValue(value, at)` for every event's node value, `at` from performance.now(). */
function subscribe(url: string, agent: http.Agent, onValue: (value: string, at: number) => void): Subscriber {
  let markReady: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  const parser = new SseParser();
  const request = http.get(url, { agent, headers: { accept: "text/event-stream" } }, (res) => {
    if (res.statusCode !== 200) return fail(new Error(`watch answered ${res.statusCode}`));
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      const at = performance.now();
      for (const frame of parser.push(chunk)) {
        if (frame.event === "ready") markReady();
        else if (frame.event === "set" && frame.data) onValue((JSON.parse(frame.data) as { node: { value: string } }).node.value, at);
      }
    });
  });
  request.on("error", (error) => fail(error));
  return { ready, close: () => request.destroy() };
}

/** A direct etcd watcher: long polls with waitIndex, as a good client of etcd would do. */
function directWatcher(etcdURL: string, key: string, fromIndex: number, onValue: (value: string, at: number) => void) {
  let stopped = false;
  let waitIndex = fromIndex;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const abort = new AbortController();
  const done = (async () => {
    while (!stopped) {
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get(`${etcdURL}/v2/keys${key}?wait=true&waitIndex=${waitIndex}`, { agent, signal: abort.signal }, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (text += c));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      }).catch(() => "");
      if (!body) continue;
      const at = performance.now();
      const event = JSON.parse(body) as { node: { value: string; modifiedIndex: number } };
      waitIndex = event.node.modifiedIndex + 1;
      onValue(event.node.value, at);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      abort.abort();
      agent.destroy();
      await done.catch(() => undefined);
    },
  };
}

export async function watchFanout(options: { etcdURL: string; dashboardURL: string; dashboardPid: number; subscribers: number; writes: number; intervalMs: number }): Promise<FanoutResult> {
  const { etcdURL, dashboardURL, subscribers: count, writes } = options;
  const key = `/bench/watch/fanout-${Date.now()}`;
  const sentAt = new Map<string, number>();
  const dashboardSamples: number[] = [];
  const directSamples: number[] = [];
  let received = 0;
  const before = await stableWatchers(etcdURL);

  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < count; i++) {
    subscribers.push(
      subscribe(`${dashboardURL}/api/clusters/default/watch${key}`, agent, (value, at) => {
        const sent = sentAt.get(value);
        if (sent === undefined) return;
        received += 1;
        dashboardSamples.push(at - sent);
      }),
    );
    if (i % 100 === 99) await sleep(20); // don't open 1,000 connections in one burst of SYNs
  }
  await Promise.all(subscribers.map((s) => s.ready));
  const start = (await fetch(`${etcdURL}/v2/keys${key}`).then((r) => Number(r.headers.get("x-etcd-index")))) + 1;
  const direct = directWatcher(etcdURL, key, start, (value, at) => {
    const sent = sentAt.get(value);
    if (sent !== undefined) directSamples.push(at - sent);
  });
  const upstreamWatches = (await stableWatchers(etcdURL)) - before - 1; // minus the direct watcher

  for (let i = 0; i < writes; i++) {
    const value = `w${i}`;
    sentAt.set(value, performance.now());
    await fetch(`${etcdURL}/v2/keys${key}`, { method: "PUT", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `value=${value}` });
    await sleep(options.intervalMs);
  }
  const expected = count * writes;
  for (let waited = 0; received < expected && waited < 10_000; waited += 100) await sleep(100);
  const rssMb = treeMemoryMb(options.dashboardPid).rssMb;

  for (const s of subscribers) s.close();
  agent.destroy();
  await direct.stop();
  return { subscribers: count, upstreamWatches, direct: summarize(directSamples), dashboard: summarize(dashboardSamples), rssMb, received, expected };
}
