// Starting one etcd member process: the command line, the readiness wait, and startEtcd() (a
// standalone member on free loopback ports). The cluster module reuses spawnEtcd/waitEtcdReady.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ETCD_BIN } from "./etcd-install.mjs";
import { spawnManaged } from "./managed-process.mjs";
import { freePort } from "./ports.mjs";
import { trackTempDir } from "./child-registry.mjs";
import { waitForHttp } from "./wait-http.mjs";

export const HOST = "127.0.0.1";
const START_ATTEMPTS = 4; // the first try plus 3 retries with new ports

/**
 * Everything needed to (re)start one member; restarts reuse it unchanged.
 * @typedef {object} EtcdMemberConfig
 * @property {string} name
 * @property {string} dataDir
 * @property {number} clientPort
 * @property {number} peerPort
 * @property {string} initialCluster `name=peerURL,…`
 * @property {string} initialClusterToken
 * @property {number} heartbeatInterval ms
 * @property {number} electionTimeout ms
 * @property {string[]} extraArgs
 * @property {string} [logFile]
 * @property {EtcdTlsOptions} [tls] serve the client URL over https
 */

/**
 * TLS on the client URL (peers stay plain http). etcd 3.4 requires a client certificate signed by
 * trustedCaFile as soon as trustedCaFile is given, with or without clientCertAuth. The readiness
 * probe does not verify the server and presents certFile/keyFile as its client certificate, as etcd's
 * own gateway does: give that certificate the clientAuth usage too (or no extendedKeyUsage at all).
 * @typedef {object} EtcdTlsOptions
 * @property {string} certFile server certificate (PEM)
 * @property {string} keyFile its key (PEM)
 * @property {string} [trustedCaFile] CA bundle of the client certificates etcd accepts (then required)
 * @property {boolean} [clientCertAuth] require a client certificate (needs trustedCaFile)
 */

/** @typedef {import("./managed-process.mjs").ManagedProcess} ManagedProcess */

/**
 * @param {number} port
 * @param {"http" | "https"} [scheme]
 */
export const urlFor = (port, scheme = "http") => `${scheme}://${HOST}:${port}`;

/** @param {EtcdMemberConfig} cfg */
const clientURLOf = (cfg) => urlFor(cfg.clientPort, cfg.tls ? "https" : "http");

/** A token unique per cluster, so members of two test clusters can never join each other. */
export function uniqueToken() {
  return `etcd-harness-${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

/**
 * @param {EtcdMemberConfig} cfg
 * @returns {string[]}
 */
export function etcdArgs(cfg) {
  const client = clientURLOf(cfg);
  const peer = urlFor(cfg.peerPort);
  const tls = cfg.tls
    ? [
        "--cert-file", cfg.tls.certFile,
        "--key-file", cfg.tls.keyFile,
        ...(cfg.tls.trustedCaFile ? ["--trusted-ca-file", cfg.tls.trustedCaFile] : []),
        ...(cfg.tls.clientCertAuth ? ["--client-cert-auth"] : []),
      ]
    : [];
  return [
    "--name", cfg.name,
    "--data-dir", cfg.dataDir,
    "--enable-v2=true", // without it every /v2/* path is a plain-text 404
    "--listen-client-urls", client,
    "--advertise-client-urls", client,
    "--listen-peer-urls", peer,
    "--initial-advertise-peer-urls", peer,
    // Ignored by etcd when dataDir already holds a member, which is what makes restarts work.
    "--initial-cluster", cfg.initialCluster,
    "--initial-cluster-state", "new",
    "--initial-cluster-token", cfg.initialClusterToken,
    // Loopback round trips are microseconds: fast elections keep start-up and failover tests short.
    "--heartbeat-interval", String(cfg.heartbeatInterval),
    "--election-timeout", String(cfg.electionTimeout),
    ...tls,
    // Last, so a caller can override any flag above (Go's flag package keeps the last value).
    ...cfg.extraArgs,
  ];
}

/**
 * The parent's environment minus ETCD_* variables: etcd reads ETCD_<FLAG> as flags, and a stray
 * ETCD_DATA_DIR or ETCD_ENDPOINTS in a developer's shell must not change a test server.
 * @returns {NodeJS.ProcessEnv}
 */
function etcdEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ETCD_")));
}

/**
 * Spawn the member; does not wait for it.
 * @param {EtcdMemberConfig} cfg
 * @returns {ManagedProcess}
 */
export function spawnEtcd(cfg) {
  return spawnManaged(ETCD_BIN, etcdArgs(cfg), { env: etcdEnv(), logFile: cfg.logFile });
}

/** Why a member did not come up; `busyPort` is set when etcd could not bind that port. */
export class EtcdStartError extends Error {
  /**
   * @param {string} message
   * @param {number | undefined} busyPort
   */
  constructor(message, busyPort) {
    super(message);
    this.name = "EtcdStartError";
    this.busyPort = busyPort;
  }
}

/**
 * Wait until the member's /health says {"health":"true"}, which for a cluster member also means
 * a leader exists. Rejects with EtcdStartError (carrying etcd's last output) when the process
 * exits first or the deadline passes; the caller decides whether to stop the process.
 * @param {EtcdMemberConfig} cfg
 * @param {ManagedProcess} proc
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
export async function waitEtcdReady(cfg, proc, timeoutMs = 15_000) {
  const outcome = await waitForHttp(`${clientURLOf(cfg)}/health`, {
    timeoutMs,
    // Readiness only: whether the server certificate is trusted is the caller's test, not ours.
    tls: cfg.tls && { rejectUnauthorized: false, cert: fs.readFileSync(cfg.tls.certFile), key: fs.readFileSync(cfg.tls.keyFile) },
    stopWhen: proc.exited,
    accept: (status, body) => status === 200 && isHealthyBody(body),
  });
  if (outcome === "ok") return;
  if (outcome === "stopped") {
    const exit = await proc.exited;
    const output = await proc.outputAfterExit();
    const how = exit.error ? exit.error.message : exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
    throw new EtcdStartError(
      `etcd member ${cfg.name} exited during start-up (${how})\n--- etcd output (last lines) ---\n${output}`,
      busyPortIn(output),
    );
  }
  throw new EtcdStartError(
    `etcd member ${cfg.name} not healthy on ${clientURLOf(cfg)} after ${timeoutMs} ms\n` +
      `--- etcd output (last lines) ---\n${proc.output()}`,
    undefined,
  );
}

/** @param {string} body */
function isHealthyBody(body) {
  try {
    return JSON.parse(body).health === "true"; // etcd 3.4 sends the string "true"
  } catch {
    return false;
  }
}

/** @param {string} output */
function busyPortIn(output) {
  const m = /listen tcp [^\s]*:(\d+): bind: address already in use/.exec(output);
  return m ? Number(m[1]) : undefined;
}

/**
 * @typedef {object} StartEtcdOptions
 * @property {string} [dataDir] kept on stop; default a fresh temp dir removed on stop
 * @property {string} [name] member name, default "default" (must stay the same for a kept dataDir)
 * @property {number} [clientPort] default a free port
 * @property {number} [peerPort] default a free port
 * @property {string} [logFile] write etcd's output there (the last lines are kept in memory anyway)
 * @property {string[]} [extraArgs] appended last, so they override the defaults
 * @property {number} [heartbeatInterval] ms, default 10
 * @property {number} [electionTimeout] ms, default 100
 * @property {number} [startTimeoutMs] default 15000
 * @property {EtcdTlsOptions} [tls] serve the client URL over https (clientURL is then https://…)
 */

/**
 * @typedef {object} EtcdHandle
 * @property {string} name
 * @property {string} clientURL
 * @property {string} peerURL
 * @property {number} clientPort
 * @property {number} peerPort
 * @property {string} dataDir
 * @property {number} pid
 * @property {boolean} running
 * @property {Promise<import("./managed-process.mjs").ExitInfo>} exited
 * @property {() => string} output
 * @property {() => Promise<void>} stop
 * @property {(signal?: NodeJS.Signals) => boolean} kill
 */

/**
 * Start a standalone etcd on 127.0.0.1 and wait until it is healthy.
 * @param {StartEtcdOptions} [opts]
 * @returns {Promise<EtcdHandle>}
 */
export async function startEtcd(opts = {}) {
  const name = opts.name ?? "default";
  for (let attempt = 1; ; attempt++) {
    const clientPort = opts.clientPort ?? (await freePort(HOST));
    const peerPort = opts.peerPort ?? (await freePort(HOST));
    const tempDir = opts.dataDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), "etcd-harness-"));
    const untrackDir = tempDir ? trackTempDir(tempDir) : () => {};
    const removeTemp = () => {
      if (!tempDir) return;
      fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
      untrackDir();
    };
    /** @type {EtcdMemberConfig} */
    const cfg = {
      name,
      dataDir: tempDir ?? path.resolve(/** @type {string} */ (opts.dataDir)),
      clientPort,
      peerPort,
      initialCluster: `${name}=${urlFor(peerPort)}`,
      initialClusterToken: uniqueToken(),
      heartbeatInterval: opts.heartbeatInterval ?? 10,
      electionTimeout: opts.electionTimeout ?? 100,
      extraArgs: opts.extraArgs ?? [],
      logFile: opts.logFile,
      tls: opts.tls,
    };
    const proc = spawnEtcd(cfg);
    try {
      await waitEtcdReady(cfg, proc, opts.startTimeoutMs);
    } catch (err) {
      await proc.stop();
      removeTemp();
      const busy = err instanceof EtcdStartError ? err.busyPort : undefined;
      // Only a port we picked can be replaced; a busy port the caller fixed stays busy.
      const ours = (busy === clientPort && opts.clientPort == null) || (busy === peerPort && opts.peerPort == null);
      if (ours && attempt < START_ATTEMPTS) continue;
      throw err;
    }
    return etcdHandle(cfg, proc, removeTemp);
  }
}

/**
 * @param {EtcdMemberConfig} cfg
 * @param {ManagedProcess} proc
 * @param {() => void} removeTemp
 * @returns {EtcdHandle}
 */
function etcdHandle(cfg, proc, removeTemp) {
  /** @type {Promise<void> | null} */
  let stopping = null;
  return {
    name: cfg.name,
    clientURL: clientURLOf(cfg),
    peerURL: urlFor(cfg.peerPort),
    clientPort: cfg.clientPort,
    peerPort: cfg.peerPort,
    dataDir: cfg.dataDir,
    pid: proc.pid,
    get running() {
      return proc.isRunning();
    },
    exited: proc.exited,
    output: proc.output,
    kill: proc.kill,
    stop() {
      stopping ??= proc.stop().then(removeTemp);
      return stopping;
    },
  };
}
