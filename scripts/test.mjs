// `npm test` (and .ci/run): the whole check, in order, stopping at the first failure but always
// ending with a per-step summary and one line "N passed, N failed". Installs what is missing
// first (node_modules, etcd, chromium), so a fresh Debian machine needs only node and npm.
//
//   npm test                               every step
//   npm test -- --only unit,integration    selected steps (typecheck, unit, integration, build, e2e, faults)
//   npm run test:faults                    the fault suite alone (= npm test -- --only faults)
import fs from "node:fs";
import { ensureBuild, ensureChromium, ensureEtcdInstalled, ensureNodeModules, ensureOpenssl, run } from "./lib/ensure.mjs";
import { fromRoot } from "./lib/paths.mjs";
import { parseTestArgs } from "./lib/test-args.mjs";
import { playwrightCounts, readCounts, sumCounts, totalLine, vitestCounts } from "./lib/test-report.mjs";
import { hasFiles } from "./lib/walk.mjs";

/** @typedef {import("./lib/test-report.mjs").Counts} Counts */

/**
 * @typedef {object} Step
 * @property {string} name
 * @property {string} cmd binary under node_modules/.bin
 * @property {string[]} args
 * @property {Record<string, string>} [env]
 * @property {{ file: string, toCounts: (report: any) => Counts }} [report] machine-readable results
 * @property {{ dirs: string[], match: (file: string) => boolean, where: string }} [tests]
 *   when no file matches, the step is skipped as "no tests yet" instead of failing on "no tests
 *   found"; once files exist, a run that finds none is a real failure (a broken include pattern)
 */

/**
 * @typedef {object} StepResult
 * @property {string} name
 * @property {"pass" | "fail" | "no tests" | "not run"} status
 * @property {number} [seconds]
 * @property {Counts | null} [counts]
 * @property {string} [note]
 */

const REPORT_DIR = fromRoot(".tmp");
// Same patterns as vitest.config.mts and playwright.config.ts (testDir "e2e"); keep in sync.
const isIntTest = (/** @type {string} */ f) => /\.int\.test\.tsx?$/.test(f);
const isUnitTest = (/** @type {string} */ f) => /\.test\.tsx?$/.test(f) && !isIntTest(f);
const isE2eTest = (/** @type {string} */ f) => /\.(spec|test)\.tsx?$/.test(f);
const isFaultTest = (/** @type {string} */ f) => /\.faults\.ts$/.test(f);

/**
 * @param {"unit" | "integration" | "faults"} project
 * @returns {Step["report"]}
 */
const vitestReport = (project) => ({ file: fromRoot(".tmp", `vitest-${project}.json`), toCounts: vitestCounts });

/** @type {Step[]} */
const STEPS = [
  { name: "typecheck", cmd: "tsc", args: ["--noEmit"] },
  {
    name: "unit",
    cmd: "vitest",
    args: ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=.tmp/vitest-unit.json"],
    report: vitestReport("unit"),
    tests: { dirs: [fromRoot("lib"), fromRoot("scripts"), fromRoot("bench")], match: isUnitTest, where: "lib/**/*.test.ts, scripts/**/*.test.ts, bench/**/*.test.ts" },
  },
  {
    name: "integration",
    cmd: "vitest",
    args: ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=.tmp/vitest-integration.json"],
    report: vitestReport("integration"),
    tests: { dirs: [fromRoot("lib"), fromRoot("scripts"), fromRoot("bench")], match: isIntTest, where: "lib/**/*.int.test.ts, scripts/**/*.int.test.ts, bench/**/*.int.test.ts" },
  },
  // Always rebuild, so the e2e step tests the current code and not a stale .next.
  { name: "build", cmd: "next", args: ["build"] },
  {
    name: "e2e",
    cmd: "playwright",
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: ".tmp/playwright.json" },
    report: { file: fromRoot(".tmp", "playwright.json"), toCounts: playwrightCounts },
    tests: { dirs: [fromRoot("e2e")], match: isE2eTest, where: "e2e/**/*.spec.ts" },
  },
  // A 3-member etcd cluster behind the built dashboard, its members killed, frozen and stopped under load.
  {
    name: "faults",
    cmd: "vitest",
    args: ["run", "--project", "faults", "--reporter=default", "--reporter=json", "--outputFile.json=.tmp/vitest-faults.json"],
    report: vitestReport("faults"),
    tests: { dirs: [fromRoot("e2e", "faults")], match: isFaultTest, where: "e2e/faults/**/*.faults.ts" },
  },
];
const ALIASES = { tsc: "typecheck", vitest: "unit", playwright: "e2e", "next-build": "build" };

/**
 * @param {Step} step
 * @returns {Promise<StepResult>}
 */
async function runStep(step) {
  if (step.tests && !hasFiles(step.tests.dirs, step.tests.match)) {
    console.log(`\n=== ${step.name}: no test files yet (${step.tests.where}), skipped`);
    return { name: step.name, status: "no tests", note: `no test files yet (${step.tests.where})` };
  }
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(" ")}`);
  if (step.report) fs.rmSync(step.report.file, { force: true }); // never read a previous run's numbers
  if (step.name === "faults") fs.rmSync(FAULT_REPORT, { force: true });
  const started = performance.now();
  let ok = true;
  let note;
  try {
    await run(fromRoot("node_modules", ".bin", step.cmd), step.args, { env: { NEXT_TELEMETRY_DISABLED: "1", ...step.env } });
  } catch (err) {
    ok = false;
    const e = /** @type {import("./lib/run.mjs").RunError} */ (err);
    note = e.signal ? `killed by ${e.signal}` : e.exitCode === 127 ? e.message : `exit code ${e.exitCode}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = step.report ? readCounts(step.report.file, step.report.toCounts) : null;
  return { name: step.name, status: ok ? "pass" : "fail", seconds, counts, note };
}

const FAULT_REPORT = fromRoot(".tmp", "faults-report.md");

/**
 * The fault suite's figures (operations tried, succeeded, failed, unknown; events expected and received),
 * written by e2e/faults for this run, shown again next to the summary.
 * @param {StepResult[]} results
 */
function printFaultFigures(results) {
  const faults = results.find((r) => r.name === "faults");
  if (!faults || faults.status === "not run" || !fs.existsSync(FAULT_REPORT)) return;
  console.log(`\n=== fault suite figures (${FAULT_REPORT})\n${fs.readFileSync(FAULT_REPORT, "utf8")}`);
}

/**
 * @param {StepResult[]} results
 */
function printSummary(results) {
  console.log("\n=== summary");
  for (const r of results) {
    const label = { pass: "PASS", fail: "FAIL", "no tests": "SKIP", "not run": "----" }[r.status];
    const time = r.seconds === undefined ? "" : `${r.seconds.toFixed(1)}s`;
    const c = r.counts;
    const tests = c ? `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}${c.flaky ? ` (${c.flaky} flaky)` : ""}` : "";
    const note = r.status === "pass" ? "" : r.note ?? (r.status === "not run" ? "not run (an earlier step failed)" : "");
    console.log(`  ${label}  ${r.name.padEnd(12)} ${time.padStart(7)}  ${[tests, note].filter(Boolean).join("  ")}`.trimEnd());
  }
  console.log(totalLine(sumCounts(results.map((r) => r.counts))));
}

async function main() {
  /** @type {string[]} */
  let selected;
  try {
    selected = parseTestArgs(process.argv.slice(2), STEPS.map((s) => s.name), ALIASES);
  } catch (err) {
    console.error(`test: ${err instanceof Error ? err.message : err}`);
    console.error(`usage: npm test -- [--only ${STEPS.map((s) => s.name).join(",")}]`);
    process.exit(2);
  }
  fs.mkdirSync(REPORT_DIR, { recursive: true });

  /** @type {StepResult[]} */
  const results = [];
  let failed = false;
  try {
    // Install only what the selected steps with tests need.
    const started = performance.now();
    const willRun = (/** @type {string} */ name) => {
      const step = STEPS.find((s) => s.name === name);
      return selected.includes(name) && (!step?.tests || hasFiles(step.tests.dirs, step.tests.match));
    };
    try {
      await ensureNodeModules();
      if (willRun("integration") || willRun("e2e") || willRun("faults")) await ensureEtcdInstalled();
      if (willRun("integration")) await ensureOpenssl();
      if (willRun("e2e")) await ensureChromium();
      // e2e runs the production build: without the build step, at least make sure it is current.
      if ((willRun("e2e") || willRun("faults")) && !selected.includes("build")) await ensureBuild();
      results.push({ name: "setup", status: "pass", seconds: (performance.now() - started) / 1000 });
    } catch (err) {
      failed = true;
      const message = err instanceof Error ? err.message : String(err);
      console.error(`\ntest: setup failed: ${message}`);
      results.push({ name: "setup", status: "fail", seconds: (performance.now() - started) / 1000, note: message });
    }
    for (const step of STEPS.filter((s) => selected.includes(s.name))) {
      if (failed) {
        results.push({ name: step.name, status: "not run" });
        continue;
      }
      const r = await runStep(step);
      results.push(r);
      if (r.status === "fail") failed = true;
    }
  } finally {
    printFaultFigures(results);
    printSummary(results);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
