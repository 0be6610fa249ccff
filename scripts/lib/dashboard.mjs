// Starts the built dashboard (scripts/server.mjs, what `npm start` runs) as a child process: for the demo, e2e tests and
// benchmarks; with `dev`, the same server on the sources (what `npm run dev` runs). Runs it with our node,
// so neither npx nor a shell sits between us and the server (signals and the pid then reach the real server).
import fs from "node:fs";
import path from "node:path";
import { spawnManaged } from "./managed-process.mjs";
import { fromRoot, repoRoot } from "./paths.mjs";
import { freePort } from "./ports.mjs";
import { waitForHttp } from "./wait-http.mjs";

/**
 * @typedef {object} StartDashboardOptions
 * @property {string[]} [etcdEndpoints] passed as ETCD_ENDPOINTS (comma-joined)
 * @property {string} [configFile] passed as ETCD_DASHBOARD_CONFIG (resolved to an absolute path)
 * @property {number} [port] default a free port
 * @property {string} [host] default 127.0.0.1
 * @property {NodeJS.ProcessEnv} [env] extra environment, applied last
 * @property {string} [logFile] the server's output goes there too
 * @property {boolean} [echo] also copy the server's output to our stdout/stderr (the demo)
 * @property {number} [startTimeoutMs] default 60000
 * @property {boolean} [dev] `npm run dev`: no build needed, pages and routes compiled on first request
 */

/**
 * @typedef {object} DashboardHandle
 * @property {string} url http://HOST:PORT
 * @property {number} port
 * @property {number} pid
 * @property {Promise<import("./managed-process.mjs").ExitInfo>} exited
 * @property {() => string} output
 * @property {() => Promise<void>} stop SIGTERM, SIGKILL after 5 s
 */

/**
 * @param {StartDashboardOptions} [opts]
 * @returns {Promise<DashboardHandle>}
 */
export async function startDashboard(opts = {}) {
  const dev = opts.dev === true;
  if (!dev && !fs.existsSync(fromRoot(".next", "BUILD_ID"))) {
    throw new Error("no production build of the dashboard (.next/BUILD_ID is missing): run `npm run build` first");
  }
  const host = opts.host ?? "127.0.0.1";
  const port = opts.port ?? (await freePort(host));
  const timeoutMs = opts.startTimeoutMs ?? 60_000;

  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // vitest sets NODE_ENV=test; Next.js expects production (development in dev) and warns otherwise.
    NODE_ENV: dev ? "development" : "production",
    ...(opts.etcdEndpoints ? { ETCD_ENDPOINTS: opts.etcdEndpoints.join(",") } : {}),
    ...(opts.configFile ? { ETCD_DASHBOARD_CONFIG: path.resolve(opts.configFile) } : {}),
    ...opts.env,
  };
  const proc = spawnManaged(process.execPath, [fromRoot("scripts", "server.mjs"), ...(dev ? ["--dev"] : []), "-p", String(port), "-H", host], {
    cwd: repoRoot,
    env,
    logFile: opts.logFile,
    echo: opts.echo,
  });

  const url = `http://${hostInURL(host)}:${port}`;
  // A wildcard bind is reachable on loopback; the wildcard address itself is not a destination.
  const probeHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  // Any HTTP status counts: it proves the server is up, even when the route is still missing (404).
  const outcome = await waitForHttp(`http://${hostInURL(probeHost)}:${port}/api/clusters`, { timeoutMs, stopWhen: proc.exited });
  if (outcome !== "ok") {
    if (outcome === "timeout") await proc.stop();
    const exit = await proc.exited;
    const why = outcome === "timeout" ? `did not answer within ${timeoutMs} ms` : `exited during start-up (code ${exit.code}, signal ${exit.signal})`;
    throw new Error(`dashboard (scripts/server.mjs on ${url}) ${why}\n--- server output (last lines) ---\n${await proc.outputAfterExit()}`);
  }

  return {
    url,
    port,
    pid: proc.pid,
    exited: proc.exited,
    output: proc.output,
    async stop() {
      await proc.stop();
    },
  };
}

/** @param {string} host an IPv6 literal needs brackets in a URL */
function hostInURL(host) {
  return host.includes(":") ? `[${host}]` : host;
}
