// `npm run bench`: starts a real etcd and the built dashboard, measures the dashboard's API against
// direct etcd in the same run, then the keys page in Chromium and the Cluster page's polling, and prints a
// table (markdown). Options: --quick (smaller samples), --no-large (skip the 100,000-children directory),
// --only browser (only the keys page in Chromium: first-load JavaScript and the big directories), --only delete
// (only deleting a 100,000-key directory through the Delete dialog's request, bench/subtree-delete.ts).
import { startEtcd } from "../scripts/lib/etcd-harness.mjs";
import { startDashboard } from "../scripts/lib/dashboard.mjs";
import { ensureBuild, ensureEtcdInstalled } from "../scripts/lib/ensure.mjs";
import { launchChromium } from "./browser";
import { clusterStats } from "./cluster-stats";
import { fill } from "./fill";
import { firstLoadJs } from "./first-load-js";
import { subtreeDelete } from "./subtree-delete";
import { latency, makeAgent, summarize, throughput, timedGet } from "./http-load";
import { treeMemoryMb } from "./process-memory";
import { treeRender } from "./tree-render";
import { watchFanout } from "./watch-fanout";

const quick = process.argv.includes("--quick");
const large = !process.argv.includes("--no-large");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== "browser" && only !== "delete") throw new Error(`--only ${only}: "browser" and "delete" are known`);
const browserOnly = only === "browser";
const deleteOnly = only === "delete";
const DELETE_KEYS = quick ? 20_000 : 100_000;
const LATENCY_REQUESTS = quick ? 500 : 3000;
const THROUGHPUT_MS = quick ? 2000 : 5000;
const LISTING_RUNS = quick ? 5 : 20;
const WATCH_SUBSCRIBERS = 1000;
const WATCH_WRITES = quick ? 20 : 50;
const WATCH_INTERVAL_MS = 200;
const BROWSER_RUNS = quick ? 3 : 7;
const STATS_VIEWERS = 100;
const STATS_INTERVALS = quick ? 3 : 5;

interface Row {
  what: string;
  direct: string;
  dashboard: string;
  ratio: string;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

async function listing(url: string, runs: number): Promise<{ p50: number; bytes: number }> {
  const agent = makeAgent(1);
  const samples: number[] = [];
  let bytes = 0;
  await timedGet(url, agent); // warm-up
  for (let i = 0; i < runs; i++) {
    const r = await timedGet(url, agent);
    samples.push(r.ms);
    bytes = r.bytes;
  }
  agent.destroy();
  return { p50: summarize(samples).p50, bytes };
}

/** The keys page in Chromium: first-load JavaScript, and opening the big directories (bench/tree-render.ts). */
async function browserRows(dashboardURL: string): Promise<Row[]> {
  const browser = await launchChromium();
  try {
    const out: Row[] = [];
    const js = await firstLoadJs(browser, `${dashboardURL}/keys`, '[role="treeitem"]');
    out.push({ what: `browser: first-load JavaScript of the keys page, gzip (kB; ${js.scripts} scripts, ${fmt(js.rawKb, 0)} kB raw)`, direct: "", dashboard: fmt(js.gzipKb, 0), ratio: "" });
    const dirs = [{ dir: "/bench/ten", label: "10,000" }, ...(large ? [{ dir: "/bench/hundred", label: "100,000" }] : [])];
    for (const { dir, label } of dirs) {
      const r = await treeRender({ browser, dashboardURL, dir, child: `${dir}/k000000`, runs: BROWSER_RUNS });
      out.push({ what: `browser: ${label}-children dir, navigation to first rows, median (ms)`, direct: "", dashboard: fmt(r.firstRowsMs, 0), ratio: "" });
      out.push({ what: `browser: ${label}-children dir, DOM rows at first rows / scrolled to the middle`, direct: "", dashboard: `${r.domRowsFirst} / ${r.domRowsMiddle}`, ratio: "" });
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  await ensureEtcdInstalled();
  await ensureBuild();
  const etcd = await startEtcd({ name: "bench" });
  const dashboard = await startDashboard({ etcdEndpoints: [etcd.clientURL] });
  const api = `${dashboard.url}/api/clusters/default`;
  const rows: Row[] = [];
  const compare = (what: string, direct: number, dash: number, digits = 2, higherIsBetter = false) =>
    rows.push({
      what,
      direct: fmt(direct, digits),
      dashboard: fmt(dash, digits),
      ratio: `x${fmt(higherIsBetter ? direct / dash : dash / direct)}`,
    });

  try {
    const idle = treeMemoryMb(dashboard.pid);
    if (deleteOnly) {
      rows.push(...(await deleteRows(etcd.clientURL, dashboard.url)));
      return printTable(rows);
    }
    console.error("bench: writing keys …");
    await fill(etcd.clientURL, "/bench/one", 1);
    await fill(etcd.clientURL, "/bench/ten", 10_000);
    if (large) await fill(etcd.clientURL, "/bench/hundred", 100_000);

    if (!browserOnly) {
      // Before the large listings, so that the RSS with subscribers is theirs, not the 100,000-children listing's.
      console.error(`bench: watch fan-out to ${WATCH_SUBSCRIBERS} subscribers …`);
      const fanout = await watchFanout({ etcdURL: etcd.clientURL, dashboardURL: dashboard.url, dashboardPid: dashboard.pid, subscribers: WATCH_SUBSCRIBERS, writes: WATCH_WRITES, intervalMs: WATCH_INTERVAL_MS });
      rows.push({ what: `watch: upstream etcd watches for ${WATCH_SUBSCRIBERS} subscribers of one key`, direct: "", dashboard: String(fanout.upstreamWatches), ratio: "" });
      compare("watch: delivery from etcd write p50 (ms)", fanout.direct.p50, fanout.dashboard.p50);
      compare("watch: delivery from etcd write p99 (ms)", fanout.direct.p99, fanout.dashboard.p99);
      rows.push({ what: "watch: events delivered / expected", direct: "", dashboard: `${fanout.received} / ${fanout.expected}`, ratio: "" });
      rows.push({ what: `watch: server RSS with ${WATCH_SUBSCRIBERS} subscribers (MB)`, direct: "", dashboard: fmt(fanout.rssMb, 0), ratio: "" });

      console.error("bench: key GET latency …");
      const directKey = await latency(`${etcd.clientURL}/v2/keys/bench/one/k000000`, LATENCY_REQUESTS);
      const dashKey = await latency(`${api}/keys/bench/one/k000000`, LATENCY_REQUESTS);
      compare("key GET p50 (ms)", directKey.p50, dashKey.p50, 3);
      compare("key GET p99 (ms)", directKey.p99, dashKey.p99, 3);
      // The framework's own floor: a route that never calls etcd (GET /api/clusters).
      const floor = await latency(`${dashboard.url}/api/clusters`, LATENCY_REQUESTS);
      rows.push({ what: "dashboard floor, no etcd call (GET /api/clusters) p50 (ms)", direct: "", dashboard: fmt(floor.p50, 3), ratio: "" });

      console.error("bench: throughput …");
      const directRps = await throughput(`${etcd.clientURL}/v2/keys/bench/one/k000000`, 10, THROUGHPUT_MS);
      const dashRps = await throughput(`${api}/keys/bench/one/k000000`, 10, THROUGHPUT_MS);
      compare("key GET req/s (10 connections)", directRps, dashRps, 0, true);

      console.error("bench: directory listings …");
      const directTen = await listing(`${etcd.clientURL}/v2/keys/bench/ten?sorted=true`, LISTING_RUNS);
      const dashTen = await listing(`${api}/keys/bench/ten?sorted=true`, LISTING_RUNS);
      compare("10,000-children dir, sorted: p50 (ms)", directTen.p50, dashTen.p50);
      compare("10,000-children dir: response (MB)", directTen.bytes / 1e6, dashTen.bytes / 1e6);
      if (large) {
        const directHundred = await listing(`${etcd.clientURL}/v2/keys/bench/hundred?sorted=true`, Math.ceil(LISTING_RUNS / 2));
        const dashHundred = await listing(`${api}/keys/bench/hundred?sorted=true`, Math.ceil(LISTING_RUNS / 2));
        compare("100,000-children dir, sorted: p50 (ms)", directHundred.p50, dashHundred.p50);
        compare("100,000-children dir: response (MB)", directHundred.bytes / 1e6, dashHundred.bytes / 1e6);
      }

      const after = treeMemoryMb(dashboard.pid);
      rows.push({ what: "dashboard server memory: idle RSS (MB)", direct: "", dashboard: fmt(idle.rssMb, 0), ratio: "" });
      rows.push({ what: "dashboard server memory: peak RSS (MB)", direct: "", dashboard: fmt(after.peakMb, 0), ratio: "" });
    }

    console.error("bench: the keys page in Chromium …");
    rows.push(...(await browserRows(dashboard.url)));
    if (!browserOnly) rows.push(...(await deleteRows(etcd.clientURL, dashboard.url)));
  } finally {
    await dashboard.stop();
    await etcd.stop();
  }

  if (!browserOnly) {
    console.error(`bench: cluster stats for ${STATS_VIEWERS} viewers …`);
    const stats = await clusterStats({ viewers: STATS_VIEWERS, intervals: STATS_INTERVALS });
    const perPoll = stats.polls ? stats.etcdRequests / stats.polls : NaN;
    rows.push({ what: `cluster stats: etcd polls per interval, ${STATS_VIEWERS} viewers`, direct: "", dashboard: fmt(stats.pollsPerInterval), ratio: "" });
    rows.push({
      what: `cluster stats: etcd requests / viewer requests in ${fmt(stats.intervals, 1)} intervals of ${stats.intervalMs / 1000} s`,
      direct: "",
      dashboard: `${stats.etcdRequests} / ${stats.viewerRequests} (${fmt(perPoll, 0)} per poll)`,
      ratio: "",
    });
  }

  printTable(rows);
}

/** Deleting a directory of DELETE_KEYS keys as the Delete dialog does (bench/subtree-delete.ts). */
async function deleteRows(etcdURL: string, dashboardURL: string): Promise<Row[]> {
  console.error(`bench: deleting a ${DELETE_KEYS.toLocaleString("en-US")}-key directory …`);
  const r = await subtreeDelete({ etcdURL, dashboardURL, dir: "/bench/delete", count: DELETE_KEYS });
  return [
    { what: `delete a ${DELETE_KEYS.toLocaleString("en-US")}-key directory key by key (Delete dialog), seconds (${r.outcome})`, direct: "", dashboard: fmt(r.seconds, 1), ratio: "" },
    { what: "delete a directory key by key: keys deleted per second", direct: "", dashboard: fmt(r.keysPerSecond, 0), ratio: "" },
  ];
}

function printTable(rows: Row[]) {
  const header = "| measurement | direct etcd | dashboard | dashboard vs direct |\n|---|---:|---:|---:|";
  const table = rows.map((r) => `| ${r.what} | ${r.direct} | ${r.dashboard} | ${r.ratio} |`).join("\n");
  console.log(`\n${header}\n${table}\n`);
  if (deleteOnly) return console.log(`(--only delete${quick ? ", --quick" : ""}; node ${process.version})`);
  const samples = browserOnly
    ? ""
    : `${LATENCY_REQUESTS} sequential GETs, ${THROUGHPUT_MS / 1000} s of load, ${LISTING_RUNS} listings, ` +
      `${WATCH_WRITES} writes ${WATCH_INTERVAL_MS} ms apart watched by ${WATCH_SUBSCRIBERS} subscribers, `;
  console.log(`(${quick ? "--quick, " : ""}${only ? `--only ${only}, ` : ""}${samples}${BROWSER_RUNS} cold page loads per directory; node ${process.version})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
