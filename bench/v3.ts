// The v3 rows of `npm run bench`: a key read and a 10,000-key listing through the dashboard's v3 API
// (`GET /api/clusters/:c/v3/keys?key=` and `?dir=`) against direct gRPC from the bench process, in the same run.
// Direct is lib/etcd3's client (what the dashboard's server uses), so the difference is the dashboard's HTTP hop,
// validation, JSON and Next.js, not another gRPC stack. Needs `node --conditions=react-server` (lib/etcd3 imports
// "server-only"), which the npm script passes.
import { Etcd3Client } from "../lib/etcd3/client";
import { rangeOf } from "../lib/keys3/list-dir";
import { encodeKeyParam } from "../lib/keyspace3/key-url";
import { listChildren } from "../lib/keyspace3/list-children";
import { benchKeyName } from "./fill";
import { countPrefix3, fill3 } from "./fill3";
import { latency, latencyOf, type LatencyStats, makeAgent, throughput, throughputOf, timedGet } from "./http-load";
import { treeMemoryMb } from "./process-memory";
import { compareRow, dashboardRow, fmt, type Row } from "./table";
import { walkDir3, type DirPage3 } from "./v3-listing";

export interface V3BenchOptions {
  etcdURL: string;
  dashboardURL: string;
  dashboardPid: number;
  latencyRequests: number;
  throughputMs: number;
  listingRuns: number;
}

/** The v3 prefixes the bench fills (the v2 directories' names, in the v3 keyspace). */
export const V3_ONE = "/bench/one/";
export const V3_TEN = "/bench/ten/";
/** The prefix the Chromium bench opens on the v3 Keys page, beside the v2 directory /bench/hundred. */
export const V3_HUNDRED = "/bench/hundred/";
export const HUNDRED = 100_000;
const TEN = 10_000;
const CONNECTIONS = 10;

/** Fills the v3 keys, then measures; the dashboard must offer v3 on its `default` cluster. */
export async function v3Rows(options: V3BenchOptions): Promise<Row[]> {
  const client = new Etcd3Client({ endpoints: [options.etcdURL] });
  try {
    console.error("bench: writing v3 keys …");
    await fill3(client, V3_ONE, 1);
    await fill3(client, V3_TEN, TEN);
    const written = await countPrefix3(client, V3_TEN);
    if (written !== TEN) throw new Error(`v3 fill: ${written} keys under ${V3_TEN}, expected ${TEN}`);
    return [...(await keyReadRows(client, options)), ...(await listingRows(client, options))];
  } finally {
    client.close();
  }
}

/** Fills V3_HUNDRED with HUNDRED keys (for the v3 Keys page in Chromium, bench/tree-render.ts). */
export async function fillV3Hundred(etcdURL: string): Promise<void> {
  const client = new Etcd3Client({ endpoints: [etcdURL] });
  try {
    console.error("bench: writing 100,000 v3 keys …");
    await fill3(client, V3_HUNDRED, HUNDRED);
    const written = await countPrefix3(client, V3_HUNDRED);
    if (written !== HUNDRED) throw new Error(`v3 fill: ${written} keys under ${V3_HUNDRED}, expected ${HUNDRED}`);
  } finally {
    client.close();
  }
}

const api3 = (options: V3BenchOptions) => `${options.dashboardURL}/api/clusters/default/v3/keys`;

async function keyReadRows(client: Etcd3Client, options: V3BenchOptions): Promise<Row[]> {
  console.error("bench: v3 key read latency and throughput …");
  const key = V3_ONE + benchKeyName(0);
  const url = `${api3(options)}?key=${encodeKeyParam(Buffer.from(key))}`;
  // The Range the dashboard's key read sends (lib/keys3/key-ops.ts readKey3: the key has no lease, so no second call).
  const read = async () => {
    if ((await client.range({ key })).kvs.length !== 1) throw new Error(`v3 key ${key} is missing`);
  };
  const direct = await latencyOf(read, options.latencyRequests);
  const dash = await latency(url, options.latencyRequests);
  const directRps = await throughputOf(read, CONNECTIONS, options.throughputMs);
  const dashRps = await throughput(url, CONNECTIONS, options.throughputMs);
  return [
    compareRow("v3 key read p50 (ms; direct: gRPC Range)", direct.p50, dash.p50, 3),
    compareRow("v3 key read p99 (ms)", direct.p99, dash.p99, 3),
    compareRow(`v3 key read req/s (${CONNECTIONS} in flight: direct on one gRPC channel, dashboard on ${CONNECTIONS} HTTP connections)`, directRps, dashRps, 0, true),
  ];
}

async function listingRows(client: Etcd3Client, options: V3BenchOptions): Promise<Row[]> {
  console.error("bench: v3 listings …");
  const prefix = Buffer.from(V3_TEN);
  // Direct 1: the skip-scan the dashboard runs (lib/keyspace3/list-children.ts over the same Range), from here.
  let calls = 0;
  const skipScan = await latencyOf(async () => {
    const listing = await listChildren(rangeOf(client), prefix);
    calls = listing.calls;
    expectChildren("direct skip-scan", listing.leaves.length + listing.dirs.length);
  }, options.listingRuns, 1);
  // Direct 2: one keys_only Range of the whole prefix (no skip-scan: right only for a directory of leaves).
  const plain = await latencyOf(async () => {
    expectChildren("keys_only Range", (await client.range({ key: prefix, prefix: true, keysOnly: true })).kvs.length);
  }, options.listingRuns, 1);

  const agent = makeAgent(1);
  const first = `${api3(options)}?dir=${encodeKeyParam(prefix)}`;
  const fetchPage = async (url: string) => {
    const { bytes, body } = await timedGet(url, agent, { keepBody: true });
    return { page: JSON.parse(body!.toString("utf8")) as DirPage3, bytes };
  };
  let pages = 0;
  let bytes = 0;
  const idleMb = treeMemoryMb(options.dashboardPid).rssMb;
  let maxMb = idleMb;
  const memory = setInterval(() => (maxMb = Math.max(maxMb, treeMemoryMb(options.dashboardPid).rssMb)), 10);
  let dash: LatencyStats;
  try {
    dash = await latencyOf(async () => {
      const walk = await walkDir3(first, fetchPage);
      expectChildren("dashboard listing", walk.children);
      ({ pages, bytes } = walk);
    }, options.listingRuns, 1);
  } finally {
    clearInterval(memory);
    agent.destroy();
  }
  maxMb = Math.max(maxMb, treeMemoryMb(options.dashboardPid).rssMb);
  return [
    compareRow(`v3 listing of 10,000 keys p50 (ms; direct: the skip-scan of list-children.ts over gRPC, ${calls} Range calls)`, skipScan.p50, dash.p50),
    compareRow("v3 listing of 10,000 keys p50 (ms; direct: one keys_only Range of the prefix)", plain.p50, dash.p50),
    dashboardRow(`v3 listing of 10,000 keys through the dashboard: pages / response (MB)`, `${pages} / ${fmt(bytes / 1e6)}`),
    dashboardRow("v3 listing: dashboard server RSS before / highest sampled while listing (MB)", `${fmt(idleMb, 0)} / ${fmt(maxMb, 0)}`),
  ];
}

function expectChildren(what: string, children: number): void {
  if (children !== TEN) throw new Error(`${what} of ${V3_TEN}: ${children} children, expected ${TEN}`);
}

