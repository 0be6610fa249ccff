// Run a command with its output streamed to ours, so long installs and builds show progress
// live instead of appearing all at once (or never) when they finish.
import { spawn } from "node:child_process";
import { repoRoot } from "./paths.mjs";

/**
 * An Error from a command that failed; `exitCode` is null when a signal ended it.
 * @typedef {Error & { exitCode: number | null, signal: NodeJS.Signals | null }} RunError
 */

/**
 * Run `cmd args…`, inheriting stdio. Resolves on exit code 0, rejects with a RunError otherwise
 * (also when the command cannot be started, e.g. ENOENT, with exitCode 127).
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [opts] env is merged over process.env
 * @returns {Promise<void>}
 */
export function run(cmd, args, opts = {}) {
  const shown = [cmd, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, ...opts.env },
      stdio: "inherit",
    });
    child.once("error", (err) => {
      reject(runError(`${shown}: cannot start (${err.message})`, 127, null));
    });
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(runError(`${shown}: ${signal ? `killed by ${signal}` : `exit code ${code}`}`, code, signal));
    });
  });
}

/**
 * @param {string} message
 * @param {number | null} exitCode
 * @param {NodeJS.Signals | null} signal
 * @returns {RunError}
 */
function runError(message, exitCode, signal) {
  return Object.assign(new Error(message), { exitCode, signal });
}
