// One long-running child (etcd, next start) with the lifecycle every caller needs: output captured
// for error messages, an `exited` promise so nobody hangs on a dead child, a stop() that escalates
// SIGTERM -> SIGKILL, and registration with the exit-time safety net.
import { spawn } from "node:child_process";
import { trackPid } from "./child-registry.mjs";
import { createLogTail } from "./log-tail.mjs";
import { delay } from "./wait-http.mjs";

/** @typedef {{ code: number | null, signal: NodeJS.Signals | null, error?: Error }} ExitInfo */

/**
 * @typedef {object} ManagedProcess
 * @property {number} pid 0 when the command could not be started
 * @property {Promise<ExitInfo>} exited resolves (never rejects) when the child is gone
 * @property {() => boolean} isRunning
 * @property {() => string} output last captured output lines
 * @property {(signal?: NodeJS.Signals) => boolean} kill send a signal; false if already gone
 * @property {(graceMs?: number) => Promise<ExitInfo>} stop SIGTERM, SIGKILL after graceMs (5000)
 * @property {() => Promise<string>} outputAfterExit output once the pipes have drained
 */

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile?: string, echo?: boolean }} [opts]
 *   env replaces process.env (callers build it); echo also copies output to our stdout/stderr
 * @returns {ManagedProcess}
 */
export function spawnManaged(command, args, opts = {}) {
  const tail = createLogTail({ file: opts.logFile });
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const untrack = child.pid ? trackPid(child.pid) : () => {};
  /** @type {ExitInfo | null} */
  let exitInfo = null;

  child.stdout?.on("data", (chunk) => {
    tail.write(chunk);
    if (opts.echo) process.stdout.write(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    tail.write(chunk);
    if (opts.echo) process.stderr.write(chunk);
  });

  // 'close' comes after 'exit' once stdout/stderr are drained: error messages want the last lines.
  const closed = new Promise((resolve) => child.once("close", resolve));

  /** @type {Promise<ExitInfo>} */
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      untrack();
      resolve(exitInfo);
    });
    // 'error' without a pid means the spawn itself failed (ENOENT…); 'exit' will never come.
    child.on("error", (error) => {
      if (child.pid !== undefined && exitInfo === null) return;
      tail.write(`cannot start ${command}: ${error.message}\n`);
      exitInfo = { code: null, signal: null, error };
      resolve(exitInfo);
    });
  });
  exited.then(() => Promise.race([closed, delay(500)])).then(() => tail.close());

  /** @param {NodeJS.Signals} signal */
  function kill(signal = "SIGTERM") {
    if (exitInfo || !child.pid) return false;
    try {
      return process.kill(child.pid, signal);
    } catch {
      return false;
    }
  }

  return {
    pid: child.pid ?? 0,
    exited,
    isRunning: () => exitInfo === null && child.pid !== undefined,
    output: () => tail.text(),
    kill,
    async stop(graceMs = 5000) {
      if (exitInfo) return exitInfo;
      kill("SIGTERM");
      kill("SIGCONT"); // a frozen (SIGSTOPped) child only acts on SIGTERM once resumed
      const done = await Promise.race([exited, delay(graceMs).then(() => null)]);
      if (done) return done;
      kill("SIGKILL");
      return exited;
    },
    async outputAfterExit() {
      await exited;
      await Promise.race([closed, delay(500)]);
      return tail.text();
    },
  };
}
