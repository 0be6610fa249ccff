// Safety net: every process the harness starts is registered here, and when this (parent) process
// exits or is killed by a signal, the still-running ones are SIGKILLed and their temporary data
// dirs removed. Without it an interrupted test run leaves etcd servers holding ports forever.
import fs from "node:fs";

/** @type {Set<number>} pids of children still running */
const pids = new Set();
/** @type {Set<string>} temporary directories to remove after the children are dead */
const dirs = new Set();
let installed = false;

/**
 * Register a running child's pid; call the returned function once the child has exited.
 * @param {number} pid
 * @returns {() => void}
 */
export function trackPid(pid) {
  install();
  pids.add(pid);
  return () => pids.delete(pid);
}

/**
 * Register a temporary directory to delete on exit; the returned function unregisters it.
 * @param {string} dir
 * @returns {() => void}
 */
export function trackTempDir(dir) {
  install();
  dirs.add(dir);
  return () => dirs.delete(dir);
}

/** Kill every tracked child and remove every tracked dir, synchronously (usable in 'exit'). */
export function cleanupNow() {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL"); // works on SIGSTOPped (frozen) processes too
    } catch {
      // already gone
    }
  }
  pids.clear();
  for (const dir of dirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    } catch {
      // best effort: a leftover temp dir is harmless, a throw here would mask the real exit reason
    }
  }
  dirs.clear();
}

/** @type {NodeJS.Signals[]} */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

function install() {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupNow);
  for (const sig of SIGNALS) process.on(sig, onSignal);
}

/** @param {NodeJS.Signals} sig */
function onSignal(sig) {
  // If the program has its own handler (the demo's graceful shutdown, a test runner), it owns the
  // shutdown; our 'exit' hook still catches whatever it leaves behind.
  if (process.listenerCount(sig) > 1) return;
  // Otherwise behave like the default action (die by the signal), after cleaning up: removing our
  // last listener restores the default disposition, then re-raise.
  cleanupNow();
  process.removeListener(sig, onSignal);
  process.kill(process.pid, sig);
}
