// Before/after of a single key GET on a shared (noisy) machine: this checkout's build and another checkout's
// build (its own `npm run build` done), both started against one etcd, measured alternately (sequential
// keep-alive GETs of one key, as `npm run bench` does), so that the machine's load hits both alike.
//   node --import tsx bench/compare-key-get.ts /path/to/other/checkout [--rounds 6] [--requests 3000]
// Prints each round's p50 / p99 and the median of the p50s per side.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startEtcd } from "../scripts/lib/etcd-harness.mjs";
import { startDashboard } from "../scripts/lib/dashboard.mjs";
import { median } from "./browser";
import { fill } from "./fill";
import { latency } from "./http-load";

const args = process.argv.slice(2);
const other = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
if (!other) throw new Error("usage: compare-key-get.ts /path/to/other/checkout [--rounds N] [--requests N]");
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ROUNDS = option("--rounds", 6);
const REQUESTS = option("--requests", 3000);

async function main() {
  const otherDashboard: typeof import("../scripts/lib/dashboard.mjs") = await import(pathToFileURL(path.resolve(other!, "scripts/lib/dashboard.mjs")).href);
  const etcd = await startEtcd({ name: "bench-compare-key-get" });
  const sides = [
    { name: "this", dashboard: await startDashboard({ etcdEndpoints: [etcd.clientURL] }), p50s: [] as number[] },
    { name: path.basename(path.resolve(other!)), dashboard: await otherDashboard.startDashboard({ etcdEndpoints: [etcd.clientURL] }), p50s: [] as number[] },
  ];
  try {
    await fill(etcd.clientURL, "/bench/one", 1);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so neither always follows the other's garbage collection.
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const stats = await latency(`${side.dashboard.url}/api/clusters/default/keys/bench/one/k000000`, REQUESTS);
        side.p50s.push(stats.p50);
        console.log(`round ${round + 1} ${side.name}: p50 ${stats.p50.toFixed(3)} ms, p99 ${stats.p99.toFixed(3)} ms`);
      }
    }
    for (const side of sides) console.log(`${side.name}: median key GET p50 ${median(side.p50s).toFixed(3)} ms over ${ROUNDS} rounds`);
  } finally {
    await Promise.allSettled([...sides.map((s) => s.dashboard.stop()), etcd.stop()]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
