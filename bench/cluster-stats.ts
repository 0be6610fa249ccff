// Cluster stats for many viewers: N clients poll GET /api/clusters/default/overview as the Cluster page does
// (lib/hooks/use-cluster-overview.ts: every interval, asking only for samples newer than those held), through
// a dashboard whose etcd is behind a counting forwarder (lib/testing/counting-proxy.ts). etcd advertises the
// forwarder as its client URL, so the per-member requests of a poll go through it too.
//
// One poll of a one-member cluster is 7 etcd requests: /v2/members, /v2/machines, the member's /health,
// /version, /v2/stats/self, /v2/stats/store, and the leader's /v2/stats/leader. Each poll asks every member's
// /v2/stats/self exactly once, so polls = /v2/stats/self requests / members.
import { startEtcd, freePort } from "../scripts/lib/etcd-harness.mjs";
import { startDashboard } from "../scripts/lib/dashboard.mjs";
import { startCountingProxy } from "../lib/testing/counting-proxy";
import type { ClusterOverview } from "../lib/api/cluster-overview";
import { sinceOf } from "../lib/cluster-page/history";

export interface ClusterStatsResult {
  viewers: number;
  intervalMs: number;
  intervals: number;
  viewerRequests: number;
  etcdRequests: number;
  polls: number;
  pollsPerInterval: number;
  requestsPerInterval: number;
  byPath: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function clusterStats(opts: { viewers: number; intervals: number; intervalMs?: number }): Promise<ClusterStatsResult> {
  const intervalMs = opts.intervalMs ?? 2_000;
  const clientPort = await freePort();
  const proxy = await startCountingProxy(`http://127.0.0.1:${clientPort}`);
  const etcd = await startEtcd({ name: "stats", clientPort, extraArgs: ["--advertise-client-urls", proxy.url] });
  const dashboard = await startDashboard({ etcdEndpoints: [proxy.url], env: { ETCD_STATS_INTERVAL_MS: String(intervalMs) } });
  const url = `${dashboard.url}/api/clusters/default/overview`;
  let viewerRequests = 0;
  const poll = async (since: number | undefined): Promise<ClusterOverview> => {
    viewerRequests += 1;
    const response = await fetch(since === undefined ? url : `${url}?since=${since}`);
    if (!response.ok) throw new Error(`overview answered ${response.status}`);
    return (await response.json()) as ClusterOverview;
  };
  try {
    await poll(undefined); // warm: the route compiled, the monitor created
    await sleep(intervalMs);
    const before = new Map(proxy.counts);
    viewerRequests = 0;
    const started = Date.now();
    const durationMs = opts.intervals * intervalMs;
    // Each viewer opens the page at its own moment within the first interval, then polls every interval.
    await Promise.all(
      Array.from({ length: opts.viewers }, async (_, i) => {
        await sleep((i / opts.viewers) * intervalMs);
        let since: number | undefined;
        while (Date.now() - started < durationMs) {
          const overview = await poll(since);
          since = sinceOf(overview.samples) ?? since;
          await sleep(Math.min(overview.intervalMs, durationMs - (Date.now() - started)));
        }
      }),
    );
    // The window is exactly `intervals` intervals: no viewer asks after it ends.
    const elapsedIntervals = opts.intervals;
    const byPath: Record<string, number> = {};
    for (const [path, count] of proxy.counts) {
      const delta = count - (before.get(path) ?? 0);
      if (delta > 0) byPath[path] = delta;
    }
    const etcdRequests = Object.values(byPath).reduce((a, b) => a + b, 0);
    const polls = byPath["/v2/stats/self"] ?? 0; // one member
    return {
      viewers: opts.viewers,
      intervalMs,
      intervals: elapsedIntervals,
      viewerRequests,
      etcdRequests,
      polls,
      pollsPerInterval: polls / elapsedIntervals,
      requestsPerInterval: etcdRequests / elapsedIntervals,
      byPath,
    };
  } finally {
    await dashboard.stop();
    await etcd.stop();
    await proxy.close();
  }
}
