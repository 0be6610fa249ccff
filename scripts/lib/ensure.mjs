// Idempotent "make it so" steps shared by the demo and the test runner: each checks cheaply and
// only does the slow thing (npm ci, apt-get, next build) when it is actually needed.
import fs from "node:fs";
import { aptInstall } from "./apt.mjs";
import { fromRoot } from "./paths.mjs";
import { run } from "./run.mjs";
import { newestMtime } from "./walk.mjs";

export { ensureEtcdInstalled } from "./etcd-install.mjs";
export { run } from "./run.mjs";

export const CHROMIUM_BIN = "/usr/bin/chromium";

/**
 * Run `npm ci` when node_modules is missing or older than package-lock.json. npm writes
 * node_modules/.package-lock.json on every install, so its mtime says when deps were last synced.
 * @returns {Promise<void>}
 */
export async function ensureNodeModules() {
  const lock = mtime(fromRoot("package-lock.json"));
  const installed = mtime(fromRoot("node_modules", ".package-lock.json"));
  if (installed && installed >= lock) return;
  console.log(installed ? "package-lock.json changed: reinstalling dependencies" : "installing dependencies (npm ci)");
  await run("npm", ["ci", "--no-audit", "--no-fund"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}

/**
 * Install Debian's chromium (for Playwright) when /usr/bin/chromium is missing: apt-get as root,
 * otherwise throws an Error whose message is exactly the command to run.
 * @returns {Promise<void>}
 */
export async function ensureChromium() {
  if (fs.existsSync(CHROMIUM_BIN)) return;
  await aptInstall(["chromium"]);
}

export const OPENSSL_BIN = "/usr/bin/openssl";

/**
 * Install Debian's openssl (the TLS integration tests make their certificates with it) when it is
 * missing: apt-get as root, otherwise throws an Error whose message is exactly the command to run.
 * @returns {Promise<void>}
 */
export async function ensureOpenssl() {
  if (fs.existsSync(OPENSSL_BIN)) return;
  await aptInstall(["openssl"]);
}

/** Everything `next build` reads from the project (tests excluded: they do not change the build). */
const BUILD_INPUTS = [
  "app",
  "lib",
  "components",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  ".env",
  ".env.production",
  ".env.local",
  ".env.production.local",
];

/** @param {string} file */
const isTestFile = (file) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file);

/**
 * Whether .next/BUILD_ID is missing or older than a build input.
 * @returns {boolean}
 */
export function buildIsStale() {
  const built = mtime(fromRoot(".next", "BUILD_ID"));
  if (!built) return true;
  return newestMtime(BUILD_INPUTS.map((p) => fromRoot(p)), (f) => !isTestFile(f)) > built;
}

/**
 * Run `npm run build` when the production build is missing or stale.
 * @returns {Promise<void>}
 */
export async function ensureBuild() {
  if (!buildIsStale()) return;
  console.log("building the dashboard (npm run build)");
  await run("npm", ["run", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}

/** @param {string} file mtime in ms, 0 when missing */
function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
