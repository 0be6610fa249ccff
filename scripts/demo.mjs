// `npm run demo`: one command from a fresh clone to a running dashboard with a real etcd and
// sample data. Only node built-ins and ./lib are imported, because node_modules may not exist yet.
//
// Environment: PORT (dashboard, default 3000), HOST (default 127.0.0.1), ETCD_DEMO_PORT (etcd
// client port; default: the one used last time, else 2379 when free, else any free port).
// etcd's data lives in .demo-data/etcd and is kept across runs.
import path from "node:path";
import { startDashboard } from "./lib/dashboard.mjs";
import { chooseDemoPorts } from "./lib/demo-ports.mjs";
import { ensureBuild, ensureEtcdInstalled, ensureNodeModules } from "./lib/ensure.mjs";
import { startEtcd } from "./lib/etcd-harness.mjs";
import { fromRoot } from "./lib/paths.mjs";
import { isPortFree } from "./lib/ports.mjs";
import { spawnManaged } from "./lib/managed-process.mjs";
import { run } from "./lib/run.mjs";
import { loadSampleData } from "./sample-data.mjs";

const HOST = process.env.HOST || "127.0.0.1";
const PORT = parsePort("PORT", process.env.PORT) ?? 3000;
const ETCD_PORT = parsePort("ETCD_DEMO_PORT", process.env.ETCD_DEMO_PORT);
const DEMO_DIR = fromRoot(".demo-data");
/** node arguments that run scripts/sample-data3-cli.ts (see its header). */
const SAMPLE_DATA3 = ["--conditions=react-server", "--import", "tsx", fromRoot("scripts", "sample-data3-cli.ts")];

/** @type {import("./lib/etcd-harness.mjs").EtcdHandle | undefined} */
let etcd;
/** @type {import("./lib/dashboard.mjs").DashboardHandle | undefined} */
let dashboard;
/** @type {import("./lib/managed-process.mjs").ManagedProcess | undefined} */
let leaseKeeper;
/** @type {Promise<never> | undefined} */
let shuttingDown;

/**
 * Stop the dashboard first (it holds connections and watches on etcd), then etcd, then exit.
 * @param {number} code
 * @returns {Promise<never>}
 */
function shutdown(code) {
  shuttingDown ??= (async () => {
    await dashboard?.stop();
    await leaseKeeper?.stop();
    await etcd?.stop();
    process.exit(code);
  })();
  return shuttingDown;
}

/**
 * @param {string} name
 * @param {string | undefined} value
 */
function parsePort(name, value) {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`demo: ${name}=${value} is not a TCP port`);
    process.exit(2);
  }
  return n;
}

async function main() {
  // Ctrl-C before everything is up exits 130 (interrupted); once the demo runs it is the normal
  // way to end it, so it exits 0.
  let up = false;
  for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
    process.on(sig, () => {
      console.log(`\ndemo: ${sig}, stopping…`);
      void shutdown(up ? 0 : 130);
    });
  }

  await ensureNodeModules();
  await ensureEtcdInstalled();
  await ensureBuild();

  if (!(await isPortFree(PORT, HOST))) {
    throw new Error(`port ${PORT} on ${HOST} is already in use: choose another one with PORT=…`);
  }
  const ports = await chooseDemoPorts(path.join(DEMO_DIR, "ports.json"), { clientPort: ETCD_PORT });
  etcd = await startEtcd({
    name: "demo", // fixed: a kept data dir belongs to this member name
    dataDir: path.join(DEMO_DIR, "etcd"),
    clientPort: ports.clientPort,
    peerPort: ports.peerPort,
    logFile: path.join(DEMO_DIR, "etcd.log"),
  });
  const sample = await loadSampleData(etcd.clientURL);
  console.log(sample.loaded ? `demo: wrote ${sample.keys} sample keys` : "demo: keeping the existing data (sample data was loaded before)");
  // The v3 keyspace's sample data goes through lib/etcd3 (TypeScript, hence tsx, installed by now);
  // a second child keeps its leased key's lease alive while the demo runs.
  await run(process.execPath, [...SAMPLE_DATA3, etcd.clientURL]);
  leaseKeeper = spawnManaged(process.execPath, [...SAMPLE_DATA3, etcd.clientURL, "--keep-lease"], { env: process.env, echo: true });

  dashboard = await startDashboard({
    etcdEndpoints: [etcd.clientURL],
    port: PORT,
    host: HOST,
    echo: true,
    env: { ETCD_DASHBOARD_AUDIT_LOG: process.env.ETCD_DASHBOARD_AUDIT_LOG || path.join(DEMO_DIR, "audit.jsonl") },
  });
  up = true;

  // Any child dying on its own ends the demo instead of leaving half of it running.
  etcd.exited.then((e) => !shuttingDown && fail(`etcd exited unexpectedly (code ${e.code}, signal ${e.signal}); see .demo-data/etcd.log`));
  dashboard.exited.then((e) => !shuttingDown && fail(`the dashboard exited unexpectedly (code ${e.code}, signal ${e.signal})`));
  leaseKeeper.exited.then((e) => !shuttingDown && fail(`the v3 lease keeper exited unexpectedly (code ${e.code}, signal ${e.signal})`));

  console.log("");
  console.log(`etcd-dashboard: ${dashboard.url}`);
  console.log(`etcd:           ${etcd.clientURL}  (data in .demo-data/etcd, log in .demo-data/etcd.log, writes audited in .demo-data/audit.jsonl)`);
  console.log("Press Ctrl-C to stop.");
}

/** @param {string} message */
function fail(message) {
  console.error(`demo: ${message}`);
  return shutdown(1);
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
