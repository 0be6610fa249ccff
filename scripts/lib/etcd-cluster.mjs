// A multi-member etcd cluster on loopback, with the failure knobs tests need: stop/restart a member
// (same name, ports and data dir, so it rejoins as itself), freeze/thaw (SIGSTOP/SIGCONT: a member
// that accepts connections but never answers), and a leader probe.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { trackTempDir } from "./child-registry.mjs";
import { EtcdStartError, HOST, spawnEtcd, uniqueToken, urlFor, waitEtcdReady } from "./etcd-process.mjs";
import { freePort } from "./ports.mjs";
import { waitForHttp } from "./wait-http.mjs";

const START_ATTEMPTS = 4; // the first try plus 3 retries with new ports

/** @typedef {import("./etcd-process.mjs").EtcdMemberConfig} EtcdMemberConfig */
/** @typedef {import("./managed-process.mjs").ManagedProcess} ManagedProcess */

/**
 * @typedef {object} Member
 * @property {string} name
 * @property {string} clientURL
 * @property {string} peerURL
 * @property {number} clientPort
 * @property {number} peerPort
 * @property {string} dataDir
 * @property {boolean} running true while the process exists (also when frozen)
 * @property {boolean} frozen
 * @property {number} pid 0 when not running
 * @property {() => Promise<void>} stop graceful stop; the data dir is kept for start()
 * @property {(opts?: { waitHealthy?: boolean, timeoutMs?: number }) => Promise<void>} start
 *   restart with the same name/ports/data dir; waits for /health 200 unless waitHealthy is false
 *   (a member restarted without a quorum of peers never becomes healthy)
 * @property {() => void} freeze SIGSTOP
 * @property {() => void} thaw SIGCONT
 * @property {(signal?: NodeJS.Signals) => boolean} kill
 * @property {() => Promise<boolean>} isLeader from /v2/stats/self; stale while there is no quorum
 */

/**
 * @typedef {object} Cluster
 * @property {Member[]} members
 * @property {string[]} endpoints client URLs, in member order
 * @property {string} dataRoot
 * @property {(opts?: { timeoutMs?: number }) => Promise<void>} waitHealthy every running, unfrozen member
 * @property {() => Promise<Member | undefined>} leader the running, unfrozen member that says it leads
 * @property {() => Promise<void>} stop thaw, stop all, remove the temp data root
 */

/**
 * @typedef {object} StartClusterOptions
 * @property {number} [size] default 3
 * @property {string} [dataRoot] members use dataRoot/<name>, kept on stop; default a temp dir
 * @property {string} [namePrefix] member names are prefix1..prefixN, default "m"
 * @property {number} [heartbeatInterval] ms, default 10
 * @property {number} [electionTimeout] ms, default 100
 * @property {string[]} [extraArgs]
 * @property {number} [startTimeoutMs] default 15000
 */

/**
 * Start all members in parallel with a shared --initial-cluster and wait until all are healthy.
 * @param {StartClusterOptions} [opts]
 * @returns {Promise<Cluster>}
 */
export async function startCluster(opts = {}) {
  const size = opts.size ?? 3;
  const prefix = opts.namePrefix ?? "m";
  const tempRoot = opts.dataRoot ? null : fs.mkdtempSync(path.join(os.tmpdir(), "etcd-cluster-"));
  const untrackRoot = tempRoot ? trackTempDir(tempRoot) : () => {};
  const dataRoot = tempRoot ?? path.resolve(/** @type {string} */ (opts.dataRoot));
  const names = Array.from({ length: size }, (_, i) => `${prefix}${i + 1}`);
  // Only directories this call creates may be wiped before a retry.
  const preexisting = new Set(names.filter((n) => fs.existsSync(path.join(dataRoot, n))));
  const removeTemp = () => {
    if (!tempRoot) return;
    fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    untrackRoot();
  };

  for (let attempt = 1; ; attempt++) {
    /** @type {EtcdMemberConfig[]} */
    const configs = [];
    for (const name of names) {
      configs.push({
        name,
        dataDir: path.join(dataRoot, name),
        clientPort: await freePort(HOST),
        peerPort: await freePort(HOST),
        initialCluster: "",
        initialClusterToken: "",
        heartbeatInterval: opts.heartbeatInterval ?? 10,
        electionTimeout: opts.electionTimeout ?? 100,
        extraArgs: opts.extraArgs ?? [],
      });
    }
    const initialCluster = configs.map((c) => `${c.name}=${urlFor(c.peerPort)}`).join(",");
    const token = uniqueToken();
    for (const c of configs) Object.assign(c, { initialCluster, initialClusterToken: token });

    const procs = configs.map(spawnEtcd);
    try {
      // Promise.all rejects at the first member that dies, instead of waiting out the timeout.
      await Promise.all(configs.map((c, i) => waitEtcdReady(c, /** @type {ManagedProcess} */ (procs[i]), opts.startTimeoutMs)));
    } catch (err) {
      await Promise.all(procs.map((p) => p.stop()));
      // A member that did start has a WAL naming the old peer URLs: wipe before reusing the names.
      for (const c of configs) {
        if (!preexisting.has(c.name)) fs.rmSync(c.dataDir, { recursive: true, force: true, maxRetries: 3 });
      }
      const busy = err instanceof EtcdStartError ? err.busyPort : undefined;
      if (busy !== undefined && attempt < START_ATTEMPTS) continue;
      removeTemp();
      throw err;
    }
    const members = configs.map((c, i) => makeMember(c, /** @type {ManagedProcess} */ (procs[i])));
    return makeCluster(members, dataRoot, removeTemp);
  }
}

/**
 * @param {Member[]} members
 * @param {string} dataRoot
 * @param {() => void} removeTemp
 * @returns {Cluster}
 */
function makeCluster(members, dataRoot, removeTemp) {
  const live = () => members.filter((m) => m.running && !m.frozen);
  return {
    members,
    endpoints: members.map((m) => m.clientURL),
    dataRoot,
    async waitHealthy({ timeoutMs = 15_000 } = {}) {
      const results = await Promise.all(
        live().map(async (m) => {
          const outcome = await waitForHttp(`${m.clientURL}/health`, {
            timeoutMs,
            accept: (status) => status === 200,
          });
          return outcome === "ok" ? null : m.name;
        }),
      );
      const sick = results.filter(Boolean);
      if (sick.length) throw new Error(`etcd members not healthy after ${timeoutMs} ms: ${sick.join(", ")}`);
    },
    async leader() {
      for (const m of live()) {
        if (await m.isLeader().catch(() => false)) return m;
      }
      return undefined;
    },
    async stop() {
      for (const m of members) if (m.frozen) m.thaw();
      // A stopping leader first tries to hand leadership to a connected peer and waits up to the
      // request timeout (~5 s) when that peer is shutting down too. Stopping the followers first
      // leaves it with no connected peer, so it skips the transfer and exits at once.
      const lead = await this.leader();
      await Promise.all(members.filter((m) => m !== lead).map((m) => m.stop()));
      await lead?.stop();
      removeTemp();
    },
  };
}

/**
 * @param {EtcdMemberConfig} cfg
 * @param {ManagedProcess} first
 * @returns {Member}
 */
function makeMember(cfg, first) {
  /** @type {ManagedProcess} */
  let proc = first;
  let frozen = false;
  const running = () => proc.isRunning();
  return {
    name: cfg.name,
    clientURL: urlFor(cfg.clientPort),
    peerURL: urlFor(cfg.peerPort),
    clientPort: cfg.clientPort,
    peerPort: cfg.peerPort,
    dataDir: cfg.dataDir,
    get running() {
      return running();
    },
    get frozen() {
      return frozen && running();
    },
    get pid() {
      return running() ? proc.pid : 0;
    },
    async stop() {
      await proc.stop(); // sends SIGCONT too, so a frozen member stops
      frozen = false;
    },
    async start({ waitHealthy = true, timeoutMs } = {}) {
      if (running()) return;
      proc = spawnEtcd(cfg);
      frozen = false;
      if (!waitHealthy) return;
      try {
        await waitEtcdReady(cfg, proc, timeoutMs);
      } catch (err) {
        await proc.stop();
        throw err;
      }
    },
    freeze() {
      if (proc.kill("SIGSTOP")) frozen = true;
    },
    thaw() {
      if (proc.kill("SIGCONT")) frozen = false;
    },
    kill: (signal) => proc.kill(signal),
    async isLeader() {
      const res = await fetch(`${urlFor(cfg.clientPort)}/v2/stats/self`, { signal: AbortSignal.timeout(2000) });
      const body = /** @type {{ state?: string }} */ (await res.json());
      return body.state === "StateLeader";
    },
  };
}
