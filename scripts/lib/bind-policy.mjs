// Who may reach an unauthenticated dashboard: with no login configured, anyone who can connect may read
// and write etcd, so the server only listens beyond loopback when told explicitly that this is wanted.
import fs from "node:fs";
import net from "node:net";

export const ALLOW_ANONYMOUS_ENV = "ETCD_DASHBOARD_ALLOW_ANONYMOUS";

/** @param {string} hostname */
export function isLoopback(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1") return true;
  if (net.isIPv4(host)) return host.startsWith("127.");
  if (host.startsWith("::ffff:")) return isLoopback(host.slice("::ffff:".length));
  return false;
}

/**
 * Whether the config file (ETCD_DASHBOARD_CONFIG) lists users, i.e. whether a login is required. The
 * file is validated in full when the dashboard loads it; an unreadable one counts as "no users" here.
 * @param {Record<string, string | undefined>} env
 */
export function loginConfigured(env) {
  const file = env.ETCD_DASHBOARD_CONFIG;
  if (!file) return false;
  try {
    const users = JSON.parse(fs.readFileSync(file, "utf8"))?.users;
    return Array.isArray(users) && users.length > 0;
  } catch {
    return false;
  }
}

/**
 * Why the server must not start on `hostname` (a message for the operator), or null when it may.
 * @param {string} hostname
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function anonymousBindProblem(hostname, env) {
  if (isLoopback(hostname) || loginConfigured(env)) return null;
  const allowed = env[ALLOW_ANONYMOUS_ENV];
  if (allowed === "true") return null;
  if (allowed !== undefined && allowed !== "" && allowed !== "false") {
    return `${ALLOW_ANONYMOUS_ENV} must be "true" or "false", not ${JSON.stringify(allowed)}.`;
  }
  return (
    `refusing to listen on ${hostname}: no login is configured, so anyone who can reach this address could read ` +
    `and change etcd. Add users to the config file (ETCD_DASHBOARD_CONFIG, "users": see the README and ` +
    `\`npm run hash-password\`), or listen on loopback (HOST=127.0.0.1, the default), ` +
    `or set ${ALLOW_ANONYMOUS_ENV}=true to serve anonymous users on ${hostname} on purpose.`
  );
}
