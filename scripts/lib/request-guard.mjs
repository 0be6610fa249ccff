// What scripts/server.mjs answers itself instead of handing to Next.js: Next.js turns a malformed
// percent-escape (in any path, pages included), a request target that is not a path ("*", an absolute
// URL) or an unknown method (TRACE) into a plain-text 500 with a stack trace in the log, "a//b" into a
// 308 that re-sends a write to another key, and resolves "a/sub/../x" to the other key "a/x".

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

/**
 * Why this request must not reach Next.js, or null.
 * @param {string} method
 * @param {string | undefined} url the raw request target
 * @returns {{ status: number, message: string } | null}
 */
export function rejectReason(method, url) {
  if (!METHODS.has(method)) return { status: 405, message: `Method ${method} is not allowed.` };
  const path = (url ?? "/").split("?", 1)[0] ?? "/";
  // "*" (OPTIONS * or GET *) and absolute URLs are for proxies; browsers send a path.
  if (!path.startsWith("/")) return { status: 400, message: 'The request target must be a path starting with "/", not "*" or an absolute URL.' };
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, message: 'The path has a malformed percent-escape: encode "%" as %25.' };
  }
  if (!path.startsWith("/api/") && path !== "/api") return null;
  if (path.includes("//") || path.includes("\\")) {
    return { status: 400, message: 'The path has an empty segment ("//") or a backslash: etcd keys cannot have one.' };
  }
  if (path.split("/").some(isDotSegment)) {
    return {
      status: 400,
      message: 'The path has a "." or ".." segment: etcd keys cannot have one, and resolving it would address another key. Send the path as a browser would, with dot segments resolved.',
    };
  }
  return null;
}

/**
 * "." or "..", also percent-encoded ("%2E%2E", ".%2e"), which the URL standard resolves like the plain ones.
 * @param {string} segment a raw segment, its escapes known to be well formed
 */
function isDotSegment(segment) {
  const decoded = segment.length <= 6 ? decodeURIComponent(segment) : segment;
  return decoded === "." || decoded === "..";
}

/**
 * The API's JSON error envelope for what the server answers itself (lib/api/errors.ts has the codes).
 * @param {{ status: number, message: string, code?: string }} error
 */
export function errorBody({ status, message, code = status === 405 ? "method_not_allowed" : "invalid_input" }) {
  return JSON.stringify({ error: { code, message, ...(code === "invalid_input" ? { issues: [{ path: "path", message }] } : {}) } });
}

/** More unread body than this after an answer, and the connection is closed instead. */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** @param {import("node:http").IncomingMessage} req */
function drainUnread(req) {
  if (req.complete) return;
  let drained = 0;
  req.on("data", (/** @type {Buffer} */ chunk) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  req.on("error", () => undefined);
  req.resume();
}

/**
 * Two answers Next.js gives that the API must not, fixed on the way out:
 * - A route asked with a method it does not export gets Next.js's empty 405: it becomes the JSON
 *   error envelope (`method_not_allowed`) like every other API error.
 * - A body the handler refused without reading it all (a 413 after 12 MiB of a chunked body) would
 *   stay in front of the next request on this keep-alive connection, which then never got an answer;
 *   and closing the connection instead made a client still sending its body see a reset (EPIPE)
 *   rather than the 413. Once such an answer is sent, a body never read is read and dropped (up to
 *   MAX_DRAIN_BYTES, then the connection is closed), so the client gets the answer and the
 *   connection serves the next request; one the handler began and cancelled closes the connection.
 * Next.js's compression wraps `end` around ours and sends the head first, so the 405 is recognised
 * when the head goes out.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function guardResponse(req, res) {
  const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
  const api = path.startsWith("/api/") || path === "/api";
  /** @type {string | null} */
  let replacement = null;
  const emptyMethodNotAllowed = () => api && res.statusCode === 405 && !res.headersSent && !res.hasHeader("content-type");
  const useEnvelope = () => {
    replacement = errorBody({ status: 405, message: `${path} does not answer ${req.method}.` });
    res.setHeader("content-type", "application/json");
    res.setHeader("cache-control", "no-store");
    res.removeHeader("content-length");
  };
  const writeHead = res.writeHead;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {any[]} */ ...args) {
      if (!req.complete && !res.headersSent) {
        // A body the handler stopped reading (cancelled, so destroyed) can't be drained: close instead.
        if (req.destroyed) res.setHeader("connection", "close");
        else res.once("finish", () => drainUnread(req));
      }
      if (typeof args[0] === "number") res.statusCode = args[0];
      if (replacement === null && emptyMethodNotAllowed() && typeof args[1] !== "object" && typeof args[2] !== "object") useEnvelope();
      return writeHead.apply(res, /** @type {any} */ (args));
    }
  );
  if (!api) return;
  const end = res.end;
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {any[]} */ ...args) {
      const empty = args.length === 0 || typeof args[0] === "function" || args[0] == null;
      if (empty && replacement === null && emptyMethodNotAllowed()) useEnvelope();
      if (empty && replacement !== null) {
        const body = replacement;
        replacement = null;
        return end.call(res, body, ...(typeof args[0] === "function" ? [args[0]] : []));
      }
      return end.apply(res, /** @type {any} */ (args));
    }
  );
}
