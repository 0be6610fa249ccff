// Recursive directory listing for the two questions the scripts ask about the source tree: "is
// the build older than the sources?" and "does this test project have any files yet?".
import fs from "node:fs";
import path from "node:path";

/** Never descend into these: dependencies, build output, scratch data. */
const SKIP_DIRS = new Set(["node_modules", ".next", ".git", ".tmp", ".demo-data", "test-results", "playwright-report"]);

/**
 * Every file under `dir` (absolute paths); a missing dir yields nothing.
 * @param {string} dir
 * @returns {Generator<string>}
 */
export function* walkFiles(dir) {
  /** @type {fs.Dirent[]} */
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* walkFiles(full);
    } else if (e.isFile()) {
      yield full;
    }
  }
}

/**
 * `dir` and every directory under it (absolute paths).
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* walkDirs(dir) {
  yield dir;
  /** @type {fs.Dirent[]} */
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) yield* walkDirs(path.join(dir, e.name));
}

/**
 * Newest modification time (ms) among the given files and everything under the given dirs,
 * directories included (a deleted or renamed file only changes its directory's time); 0 when
 * none exist.
 * @param {string[]} paths
 * @param {(file: string) => boolean} [include]
 * @returns {number}
 */
export function newestMtime(paths, include = () => true) {
  let newest = 0;
  for (const p of paths) {
    /** @type {fs.Stats} */
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    const files = st.isDirectory() ? [...walkFiles(p), ...walkDirs(p)] : [p];
    for (const f of files) {
      if (!include(f)) continue;
      try {
        newest = Math.max(newest, fs.statSync(f).mtimeMs);
      } catch {
        // deleted meanwhile
      }
    }
  }
  return newest;
}

/**
 * Whether any file under `dirs` matches.
 * @param {string[]} dirs
 * @param {(file: string) => boolean} match
 */
export function hasFiles(dirs, match) {
  for (const d of dirs) for (const f of walkFiles(d)) if (match(f)) return true;
  return false;
}
