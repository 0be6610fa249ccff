// What scripts/server.mjs answers itself instead of handing to Next.js: Next.js turns a malformed
// percent-escape or an unknown method (TRACE) into a plain-text 500, and "a//b" into a 308 that
// re-sends a write to another key.

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
  if (!path.startsWith("/api/") && path !== "/api") return null;
  if (path.includes("//") || path.includes("\\")) {
    return { status: 400, message: 'The path has an empty segment ("//") or a backslash: etcd keys cannot have one.' };
  }
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, message: 'The path has a malformed percent-escape: encode "%" as %25.' };
  }
  return null;
}
