// Poll an HTTP URL until it gives an acceptable answer, a deadline passes, or the process that
// should answer has died (so a crashed child fails in milliseconds, not at the timeout).
import https from "node:https";

/** @param {number} ms */
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} WaitHttpOptions
 * @property {number} timeoutMs overall deadline
 * @property {(status: number, body: string) => boolean} [accept] default: any HTTP answer
 * @property {Promise<unknown>} [stopWhen] settles when waiting is pointless (child exited)
 * @property {number} [intervalMs] between attempts, default 50
 * @property {number} [requestTimeoutMs] per attempt, default 1000: a server that accepted the TCP
 *   connection but is not serving yet (etcd before it joined its cluster) must not block the loop
 * @property {HttpsProbeOptions} [tls] for an https URL: CA, client certificate, verification (global
 *   fetch takes none of them)
 */

/**
 * @typedef {object} HttpsProbeOptions
 * @property {Buffer} [ca]
 * @property {Buffer} [cert]
 * @property {Buffer} [key]
 * @property {boolean} [rejectUnauthorized] default true
 */

/**
 * @param {string} url
 * @param {WaitHttpOptions} opts
 * @returns {Promise<"ok" | "stopped" | "timeout">}
 */
export async function waitForHttp(url, opts) {
  const accept = opts.accept ?? (() => true);
  const deadline = Date.now() + opts.timeoutMs;
  /** @type {Promise<"stopped">} */
  const stopped = opts.stopWhen
    ? opts.stopWhen.then(
        () => "stopped",
        () => "stopped",
      )
    : new Promise(() => {});

  /** @returns {Promise<boolean>} */
  async function attempt() {
    try {
      const signal = AbortSignal.timeout(opts.requestTimeoutMs ?? 1000);
      if (opts.tls) {
        const { status, body } = await httpsGet(url, opts.tls, signal);
        return accept(status, body);
      }
      const res = await fetch(url, { signal });
      return accept(res.status, await res.text());
    } catch {
      return false; // not listening yet, or not answering yet: try again
    }
  }

  while (Date.now() < deadline) {
    const outcome = await Promise.race([attempt(), stopped]);
    if (outcome === "stopped") return "stopped";
    if (outcome) return "ok";
    const pause = await Promise.race([delay(opts.intervalMs ?? 50), stopped]);
    if (pause === "stopped") return "stopped";
  }
  return "timeout";
}

/**
 * @param {string} url
 * @param {HttpsProbeOptions} tls
 * @param {AbortSignal} signal
 * @returns {Promise<{ status: number, body: string }>}
 */
function httpsGet(url, tls, signal) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ...tls, agent: false, signal }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}
