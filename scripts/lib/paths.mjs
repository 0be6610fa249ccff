// Where things live. Scripts may be started from any cwd (npm, .ci/run, an editor), so every
// path is resolved from this file rather than from process.cwd().
import { fileURLToPath } from "node:url";
import path from "node:path";

/** Absolute path of the repository root (two levels above scripts/lib/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Resolve a path relative to the repository root.
 * @param {...string} parts
 * @returns {string}
 */
export function fromRoot(...parts) {
  return path.resolve(repoRoot, ...parts);
}
