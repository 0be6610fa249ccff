// `npm run bench`: starts a real etcd and the built dashboard, measures the dashboard's API against
// direct etcd in the same run, then the keys page in Chromium and the Cluster page's polling, and prints a
// table (markdown). Options: --quick (smaller samples), --no-large (skip the 100,000-children directory, v2 and v3),
// --only browser (only the keys page in Chromium: first-load JavaScript and the big directories, v2's and the v3
// prefix of 100,000 keys), --only delete (only deleting a 100,000-key directory through the Delete dialog's request,
// bench/subtree-delete.ts), --only v3 (only the etcd v3 rows, bench/v3.ts: a key read and a 10,000-key listing,
// dashboard against direct gRPC; and the 100,000-children prefix in Chromium beside v2's directory).
// Run with `node --conditions=react-server` (the npm script does): the v3 rows use lib/etcd3, which imports "server-only".
import { startEtcd } from "../scripts/lib/etcd-harness.mjs";
import { startDashboard } from "../scripts/lib/dashboard.mjs";
import { ensureBuild, ensureEtcdInstalled } from "../scripts/lib/ensure.mjs";
import { launchChromium } from "./browser";
import { clusterStats } from "./cluster-stats";
import { fill } from "./fill";
import { firstLoadJs } from "./first-load-js";
import { subtreeDelete } from "./subtree-delete";
import { latency, makeAgent, summarize, throughput, timedGet } from "./http-load";
import { compareRow, dashboardRow, fmt, type Row } from "./table";
import { fillV3Hundred, HUNDRED, v3Rows, V3_HUNDRED } from "./v3";
import { treeMemoryMb } from "./process-memory";
import { v2TreePage, v3TreePage, type TreePage } from "./tree-pages";
import { treeRender } from "./tree-render";
import { watchFanout } from "./watch-fanout";

const quick = process.argv.includes("--quick");
const large = !process.argv.includes("--no-large");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== "browser" && only !== "delete" && only !== "v3") throw new Error(`--only ${only}: "browser", "delete" and "v3" are known`);
const browserOnly = only === "browser";
const deleteOnly = only === "delete";
const v3Only = only === "v3";
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

/** The directories opened in Chromium, each with its rows' name in the table. */
interface BrowsedTree {
  tree: TreePage;
  label: string;
}

const V2_TEN: BrowsedTree = { tree: v2TreePage("/bench/ten", 10_000), label: "10,000-children dir" };
const V2_HUNDRED: BrowsedTree = { tree: v2TreePage("/bench/hundred", HUNDRED), label: "100,000-children dir" };
// Beside v2's 100,000-children directory: the same keys and values (bench/fill3.ts) in the v3 keyspace.
const V3_HUNDRED_TREE: BrowsedTree = { tree: v3TreePage(V3_HUNDRED, HUNDRED), label: "v3 100,000-children prefix" };

/**
 * The keys page in Chromium: its first-load JavaScript (v2, with `firstLoad`), and opening each of `trees`
 * (bench/tree-render.ts).
 */
async function browserRows(dashboardURL: string, trees: readonly BrowsedTree[], firstLoad: boolean): Promise<Row[]> {
  const browser = await launchChromium();
  try {
    const out: Row[] = [];
    if (firstLoad) {
      const js = await firstLoadJs(browser, `${dashboardURL}/keys`, '[role="treeitem"]');
      out.push(dashboardRow(`browser: first-load JavaScript of the keys page, gzip (kB; ${js.scripts} scripts, ${fmt(js.rawKb, 0)} kB raw)`, fmt(js.gzipKb, 0)));
    }
    for (const { tree, label } of trees) {
      const r = await treeRender({ browser, dashboardURL, tree, runs: BROWSER_RUNS });
      out.push(dashboardRow(`browser: ${label}, navigation to first rows, median (ms)`, fmt(r.firstRowsMs, 0)));
      out.push(dashboardRow(`browser: ${label}, DOM rows at first rows / scrolled to the middle`, `${r.domRowsFirst} / ${r.domRowsMiddle}`));
      out.push(dashboardRow(`browser: ${label}, DOM elements of the whole page, listing held`, String(r.domElements)));
      out.push(dashboardRow(`browser: ${label}, scroll to its last child: until painted, median (ms)`, fmt(r.lastChildMs, 0)));
      out.push(dashboardRow(`browser: ${label}, JS heap after GC, whole listing held, median (MB)`, fmt(r.heapMb, 1)));
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
  const compare = (what: string, direct: number, dash: number, digits = 2, higherIsBetter = false) => rows.push(compareRow(what, direct, dash, digits, higherIsBetter));
  const v3Options = { etcdURL: etcd.clientURL, dashboardURL: dashboard.url, dashboardPid: dashboard.pid, latencyRequests: LATENCY_REQUESTS, throughputMs: THROUGHPUT_MS, listingRuns: LISTING_RUNS };

  try {
    const idle = treeMemoryMb(dashboard.pid);
    if (deleteOnly) {
      rows.push(...(await deleteRows(etcd.clientURL, dashboard.url)));
      return printTable(rows);
    }
    if (v3Only) {
      rows.push(...(await v3Rows(v3Options)));
      if (large) {
        // Issue [12]'s 100,000-children prefix in Chromium, beside v2's 100,000-children directory in the same run.
        await fill(etcd.clientURL, "/bench/hundred", HUNDRED);
        await fillV3Hundred(etcd.clientURL);
        console.error("bench: the keys page in Chromium, v2 and v3 …");
        rows.push(...(await browserRows(dashboard.url, [V2_HUNDRED, V3_HUNDRED_TREE], false)));
      }
      return printTable(rows);
    }
    console.error("bench: writing keys …");
    await fill(etcd.clientURL, "/bench/one", 1);
    await fill(etcd.clientURL, "/bench/ten", 10_000);
    if (large) await fill(etcd.clientURL, "/bench/hundred", HUNDRED);

    if (!browserOnly) {
      // Before the large listings, so that the RSS with subscribers is theirs, not the 100,000-children listing's.
      console.error(`bench: watch fan-out to ${WATCH_SUBSCRIBERS} subscribers …`);
      const fanout = await watchFanout({ etcdURL: etcd.clientURL, dashboardURL: dashboard.url, dashboardPid: dashboard.pid, subscribers: WATCH_SUBSCRIBERS, writes: WATCH_WRITES, intervalMs: WATCH_INTERVAL_MS });
      rows.push(dashboardRow(`watch: upstream etcd watches for ${WATCH_SUBSCRIBERS} subscribers of one key`, String(fanout.upstreamWatches)));
      compare("watch: delivery from etcd write p50 (ms)", fanout.direct.p50, fanout.dashboard.p50);
      compare("watch: delivery from etcd write p99 (ms)", fanout.direct.p99, fanout.dashboard.p99);
      rows.push(dashboardRow("watch: events delivered / expected", `${fanout.received} / ${fanout.expected}`));
      rows.push(dashboardRow(`watch: server RSS with ${WATCH_SUBSCRIBERS} subscribers (MB)`, fmt(fanout.rssMb, 0)));

      console.error("bench: key GET latency …");
      const directKey = await latency(`${etcd.clientURL}/v2/keys/bench/one/k000000`, LATENCY_REQUESTS);
      const dashKey = await latency(`${api}/keys/bench/one/k000000`, LATENCY_REQUESTS);
      compare("key GET p50 (ms)", directKey.p50, dashKey.p50, 3);
      compare("key GET p99 (ms)", directKey.p99, dashKey.p99, 3);
      // The framework's own floor: a route that never calls etcd (GET /api/clusters).
      const floor = await latency(`${dashboard.url}/api/clusters`, LATENCY_REQUESTS);
      rows.push(dashboardRow("dashboard floor, no etcd call (GET /api/clusters) p50 (ms)", fmt(floor.p50, 3)));

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
      rows.push(dashboardRow("dashboard server memory: idle RSS (MB)", fmt(idle.rssMb, 0)));
      rows.push(dashboardRow("dashboard server memory: peak RSS (MB)", fmt(after.peakMb, 0)));

      rows.push(...(await v3Rows(v3Options)));
    }

    console.error("bench: the keys page in Chromium …");
    if (large) await fillV3Hundred(etcd.clientURL);
    rows.push(...(await browserRows(dashboard.url, [V2_TEN, ...(large ? [V2_HUNDRED, V3_HUNDRED_TREE] : [])], true)));
    if (!browserOnly) rows.push(...(await deleteRows(etcd.clientURL, dashboard.url)));
  } finally {
    await dashboard.stop();
    await etcd.stop();
  }

  if (!browserOnly) {
    console.error(`bench: cluster stats for ${STATS_VIEWERS} viewers …`);
    const stats = await clusterStats({ viewers: STATS_VIEWERS, intervals: STATS_INTERVALS });
    const perPoll = stats.polls ? stats.etcdRequests / stats.polls : NaN;
    rows.push(dashboardRow(`cluster stats: etcd polls per interval, ${STATS_VIEWERS} viewers`, fmt(stats.pollsPerInterval)));
    rows.push(
      dashboardRow(
        `cluster stats: etcd requests / viewer requests in ${fmt(stats.intervals, 1)} intervals of ${stats.intervalMs / 1000} s`,
        `${stats.etcdRequests} / ${stats.viewerRequests} (${fmt(perPoll, 0)} per poll)`,
      ),
    );
  }

  printTable(rows);
}

/** Deleting a directory of DELETE_KEYS keys as the Delete dialog does (bench/subtree-delete.ts). */
async function deleteRows(etcdURL: string, dashboardURL: string): Promise<Row[]> {
  console.error(`bench: deleting a ${DELETE_KEYS.toLocaleString("en-US")}-key directory …`);
  const r = await subtreeDelete({ etcdURL, dashboardURL, dir: "/bench/delete", count: DELETE_KEYS });
  return [
    dashboardRow(`delete a ${DELETE_KEYS.toLocaleString("en-US")}-key directory key by key (Delete dialog), seconds (${r.outcome})`, fmt(r.seconds, 1)),
    dashboardRow("delete a directory key by key: keys deleted per second", fmt(r.keysPerSecond, 0)),
  ];
}

function printTable(rows: Row[]) {
  const header = "| measurement | direct etcd | dashboard | dashboard vs direct |\n|---|---:|---:|---:|";
  const table = rows.map((r) => `| ${r.what} | ${r.direct} | ${r.dashboard} | ${r.ratio} |`).join("\n");
  console.log(`\n${header}\n${table}\n`);
  if (deleteOnly) return console.log(`(--only delete${quick ? ", --quick" : ""}; node ${process.version})`);
  if (v3Only) {
    const pages = large ? `, ${BROWSER_RUNS} cold page loads per directory` : "";
    return console.log(`(--only v3${quick ? ", --quick" : ""}, ${LATENCY_REQUESTS} sequential reads, ${THROUGHPUT_MS / 1000} s of load, ${LISTING_RUNS} listings${pages}; node ${process.version})`);
  }
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
