// Before/after of the keys page in Chromium on a shared (noisy) machine: this checkout's build and another
// checkout's build (its own `npm run build` done), both started against one etcd holding the same data, and
// measured alternately, one cold page load each per round, so that the machine's load hits both alike.
//   node --import tsx bench/compare-browser.ts /path/to/other/checkout [--runs 9] [--no-large]
// Prints each run and the medians (navigation to the first child rows of the directory, bench/tree-render.ts).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startEtcd } from "../scripts/lib/etcd-harness.mjs";
import { startDashboard } from "../scripts/lib/dashboard.mjs";
import { launchChromium, median } from "./browser";
import { fill } from "./fill";
import { v2TreePage } from "./tree-pages";
import { oneRun } from "./tree-render";

const args = process.argv.slice(2);
const other = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
if (!other) throw new Error("usage: compare-browser.ts /path/to/other/checkout [--runs N] [--no-large]");
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const large = !args.includes("--no-large");

async function main() {
  const otherDashboard: typeof import("../scripts/lib/dashboard.mjs") = await import(pathToFileURL(path.resolve(other!, "scripts/lib/dashboard.mjs")).href);
  const etcd = await startEtcd({ name: "bench-compare" });
  const sides = [
    { name: "this", dashboard: await startDashboard({ etcdEndpoints: [etcd.clientURL] }) },
    { name: path.basename(path.resolve(other!)), dashboard: await otherDashboard.startDashboard({ etcdEndpoints: [etcd.clientURL] }) },
  ];
  const browser = await launchChromium();
  try {
    await fill(etcd.clientURL, "/bench/ten", 10_000);
    if (large) await fill(etcd.clientURL, "/bench/hundred", 100_000);
    for (const tree of [v2TreePage("/bench/ten", 10_000), ...(large ? [v2TreePage("/bench/hundred", 100_000)] : [])]) {
      const samples = new Map<string, number[]>(sides.map((s) => [s.name, []]));
      for (const side of sides) await oneRun(browser, side.dashboard.url, tree, 60_000); // warm-up
      for (let round = 0; round < RUNS; round++) {
        const order = round % 2 ? [...sides].reverse() : sides;
        for (const side of order) {
          const r = await oneRun(browser, side.dashboard.url, tree, 60_000);
          samples.get(side.name)!.push(r.probe.painted!);
        }
      }
      for (const [name, ms] of samples) {
        console.log(`${tree.label} ${name}: median ${median(ms).toFixed(0)} ms (${ms.map((v) => v.toFixed(0)).join(", ")})`);
      }
    }
  } finally {
    await browser.close();
    for (const side of sides) await side.dashboard.stop();
    await etcd.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
