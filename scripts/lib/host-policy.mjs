// Which Host names the dashboard answers to, against DNS rebinding: a page on an attacker's name that
// the attacker re-points at the dashboard's address is same-origin with itself, so its requests carry
// the attacker's name as both Host and Origin and would pass the cross-site check. Names only the
// operator chose are answered: loopback names, IP addresses (no DNS, so nothing to rebind), HOST, and
// ETCD_DASHBOARD_ALLOWED_HOSTS for the names a reverse proxy serves the dashboard under.
import net from "node:net";

export const ALLOWED_HOSTS_ENV = "ETCD_DASHBOARD_ALLOWED_HOSTS";

/**
 * @typedef {{ any: boolean, names: Set<string>, suffixes: string[], trustProxy: boolean }} HostPolicy
 *   `suffixes` are ".example.com" entries: the name and every name below it
 */

/**
 * The policy from the environment and the address the server listens on; throws with a message for the
 * operator when ETCD_DASHBOARD_ALLOWED_HOSTS holds something that is not a host name.
 * @param {string} listenHost HOST (-H)
 * @param {Record<string, string | undefined>} env
 * @returns {HostPolicy}
 */
export function hostPolicy(listenHost, env) {
  /** @type {HostPolicy} */
  const policy = { any: false, names: new Set(), suffixes: [], trustProxy: env.ETCD_DASHBOARD_TRUST_PROXY === "true" };
  const listen = normalName(listenHost);
  if (listen && !net.isIP(listen)) policy.names.add(listen);
  for (const entry of (env[ALLOWED_HOSTS_ENV] ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    if (entry === "*") {
      policy.any = true;
      continue;
    }
    if (!/^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i.test(entry)) {
      throw new Error(`${ALLOWED_HOSTS_ENV}: ${JSON.stringify(entry)} is not a host name (names only, no port or scheme; ".example.com" for it and its subdomains; "*" for any).`);
    }
    if (entry.startsWith(".")) policy.suffixes.push(normalName(entry.slice(1)));
    else policy.names.add(normalName(entry));
  }
  return policy;
}

/** "Example.COM." -> "example.com" */
function normalName(/** @type {string} */ name) {
  return name.toLowerCase().replace(/\.$/, "");
}

/**
 * The name in a Host header (or one X-Forwarded-Host entry), without port; IPv6 literals keep no brackets.
 * @param {string} header
 */
export function hostName(header) {
  const value = header.trim();
  const ipv6 = /^\[([^\]]*)\]/.exec(value);
  if (ipv6) return (ipv6[1] ?? "").toLowerCase();
  return normalName(value.replace(/:\d*$/, ""));
}

/**
 * Whether a Host name is one the dashboard answers to.
 * @param {HostPolicy} policy
 * @param {string} header
 */
export function hostAllowed(policy, header) {
  if (policy.any) return true;
  const name = hostName(header);
  if (net.isIP(name)) return true;
  // Browsers resolve localhost and its subdomains to loopback themselves, never through DNS.
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (policy.names.has(name)) return true;
  return policy.suffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/**
 * The first name in the request the dashboard does not answer to (Host, and X-Forwarded-Host when a
 * trusted proxy sets it), or null. A request without Host (HTTP/1.0; no browser) is answered.
 * @param {HostPolicy} policy
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @returns {string | null}
 */
export function refusedHost(policy, headers) {
  const forwarded = policy.trustProxy ? (headers["x-forwarded-host"] ?? "").split(",").filter((h) => h.trim()) : [];
  for (const header of [headers.host ?? "", ...forwarded]) {
    if (header && !hostAllowed(policy, header)) return header.trim();
  }
  return null;
}

/**
 * The refusal (lib/api/errors.ts: host_not_allowed), for the JSON envelope or as plain text.
 * @param {string} host the refused name, as sent
 * @returns {{ status: number, code: string, message: string }}
 */
export function hostRefusal(host) {
  const shown = JSON.stringify(host.length > 100 ? `${host.slice(0, 100)}…` : host);
  return {
    status: 403,
    code: "host_not_allowed",
    message:
      `This dashboard does not answer to the host name ${shown} (a guard against DNS rebinding). ` +
      `If it is served under that name, behind a reverse proxy for one, add the name to ${ALLOWED_HOSTS_ENV}.`,
  };
}
