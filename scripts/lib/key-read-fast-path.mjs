// Where scripts/server.mjs finds the fast path for key reads (lib/api/server/fast-path.ts) and the pages' login gate. It has to run in
// Next.js's own build of lib/, beside the routes (the same cluster registry, sessions and error envelope), so
// instrumentation.ts exports it and the server takes it from the compiled instrumentation module that
// Next.js itself loads: the same file through Node's module cache, so the very instance Next.js registered,
// and nothing handed over through a global.
import { createRequire } from "node:module";
import { fromRoot } from "./paths.mjs";

const require = createRequire(import.meta.url);

/**
 * The compiled instrumentation.ts, where Next.js loads it from (<distDir>/server/instrumentation.js);
 * Next.js 16 builds `dev` into .next/dev, so that a dev server and `next build` never share files.
 * @param {boolean} dev
 */
export function instrumentationFile(dev) {
  return fromRoot(".next", ...(dev ? ["dev"] : []), "server", "instrumentation.js");
}

/**
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse,
 *   securityHeaders: Readonly<Record<string, string>>) => boolean} ServeKeyRead
 *   true when it took the request (a key read), false to leave it to Next.js
 */

/**
 * The fast path, once Next.js is prepared; undefined when ETCD_DASHBOARD_FAST_PATH=false (every request then
 * goes to Next.js: to compare, or to rule the fast path out). Throws when the build has none, rather than
 * silently serving every key read the slow way.
 * @param {{ dev: boolean, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<ServeKeyRead | undefined>}
 */
export async function loadKeyReadFastPath({ dev, env }) {
  if (env.ETCD_DASHBOARD_FAST_PATH === "false") return undefined;
  /** @type {() => Promise<ServeKeyRead>} */
  const keyReadFastPath = compiledExport(dev, "keyReadFastPath");
  return keyReadFastPath();
}

/**
 * @typedef {(rawUrl: string, cookieHeader: string | undefined) => string | undefined} PageLoginGate
 *   the login page's path when the request is for a page its cookie does not allow (lib/dashboard-auth/page-gate.ts)
 */

/**
 * The pages' login gate, once Next.js is prepared: asked before Next.js renders any page.
 * @param {{ dev: boolean }} options
 * @returns {Promise<PageLoginGate>}
 */
export async function loadPageLoginGate({ dev }) {
  /** @type {() => Promise<PageLoginGate>} */
  const pageLoginGate = compiledExport(dev, "pageLoginGate");
  return pageLoginGate();
}

/**
 * A function exported by the compiled instrumentation.ts; throws when the build has none.
 * @param {boolean} dev
 * @param {string} name
 * @returns {any}
 */
function compiledExport(dev, name) {
  const file = instrumentationFile(dev);
  const instrumentation = require(file);
  if (typeof instrumentation[name] !== "function") {
    throw new Error(`${file} does not export ${name} (instrumentation.ts): rebuild with \`npm run build\``);
  }
  return instrumentation[name];
}
