// Who is asking, and whether they may: the session cookie (or anonymous, when no login is configured),
// the role a route needs, and the read-only switches. Every route goes through authorize() (lib/api/server/route.ts).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { accessSettings, isReadOnly, onAccessSettingsChange } from "@/lib/clusters";
import { LoginThrottle } from "./login-throttle";
import { ANONYMOUS_NAME, roleAllows, type Role, type SessionUser } from "./roles";
import { SessionStore } from "./session-store";

export const SESSION_COOKIE = "etcd_dashboard_session";
/**
 * The cookie's name when it is Secure. A browser takes a `__Host-` cookie only from an HTTPS page, with Path=/
 * and no Domain, so a page on another port of this host can't set one that shadows the session for `/api`.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
/** Set by scripts/server.mjs from the socket's address, replacing whatever a client sent. */
const CLIENT_ADDRESS_HEADER = "x-etcd-dashboard-client";

const ANONYMOUS: SessionUser = { name: ANONYMOUS_NAME, role: "admin" };

interface AuthState {
  sessions: SessionStore;
  throttle: LoginThrottle;
}
const globalAuth = globalThis as typeof globalThis & { __etcdDashboardAuth?: AuthState };

/** How often expired and idle sessions are ended, which also closes their watch streams. */
const SESSION_SWEEP_MS = 1_000;

/** One store and one throttle per server process (on globalThis: Next.js may load this module more than once). */
export function authState(): AuthState {
  if (!globalAuth.__etcdDashboardAuth) {
    const sessions = new SessionStore(Date.now, () => accessSettings().sessionIdleMinutes * 60_000);
    globalAuth.__etcdDashboardAuth = { sessions, throttle: new LoginThrottle() };
    setInterval(() => sessions.sweep(), SESSION_SWEEP_MS).unref();
    // A user removed from the config file is logged out everywhere at once.
    onAccessSettingsChange(({ users }) => sessions.deleteWhere((user) => !users.some((u) => u.name === user.name)));
  }
  return globalAuth.__etcdDashboardAuth;
}

export function loginRequired(): boolean {
  return accessSettings().users.length > 0;
}

/** The session id in a Cookie header, if any: the `__Host-` cookie's over one any page of this host may have set. */
export function sessionIdFrom(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  let plain: string | undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    const name = eq > 0 ? part.slice(0, eq).trim() : "";
    const value = part.slice(eq + 1).trim() || undefined;
    if (name === SECURE_SESSION_COOKIE && value) return value;
    if (name === SESSION_COOKIE) plain ??= value;
  }
  return plain;
}

/** The user of a session id: anonymous (with every role) when no login is configured, else the logged-in user or undefined. */
export function userOfSession(sessionId: string | undefined): SessionUser | undefined {
  if (!loginRequired()) return ANONYMOUS;
  if (!sessionId) return undefined;
  const session = authState().sessions.get(sessionId);
  if (!session) return undefined;
  // A user removed from the config, or given another role, counts as it is now configured.
  const configured = accessSettings().users.find((u) => u.name === session.user.name);
  return configured ? { name: configured.name, role: configured.role } : undefined;
}

/**
 * Aborts when the request's session ends (logout, expiry, idle, its user removed or logged out
 * everywhere), or when the request itself goes away: for responses that outlive the request, like watch streams.
 */
export function sessionBoundSignal(request: Request): AbortSignal {
  if (!loginRequired()) return request.signal;
  const id = sessionIdFrom(request.headers.get("cookie"));
  const ended = id ? authState().sessions.endSignal(id) : undefined;
  // authorize() let the request in, so the session was live a moment ago; if it is gone now, so is the stream.
  return ended ? AbortSignal.any([request.signal, ended]) : AbortSignal.abort();
}

export function currentUser(request: Request): SessionUser | undefined {
  return userOfSession(sessionIdFrom(request.headers.get("cookie")));
}

/** The request's user, if its role allows `needed`: 401 without a valid session, 403 for a role too low. */
export function authorize(request: Request, needed: Role): SessionUser {
  return authorizeCookie(request.headers.get("cookie"), needed);
}

/** authorize() from the Cookie header alone (the fast path has no Web Request). */
export function authorizeCookie(cookieHeader: string | null | undefined, needed: Role): SessionUser {
  const user = userOfSession(sessionIdFrom(cookieHeader ?? null));
  if (!user) throw ApiError.of("unauthenticated", "Log in to use the dashboard.");
  if (!roleAllows(user.role, needed)) {
    throw ApiError.of("forbidden", `This needs the ${needed} role; ${user.name} is ${articled(user.role)}.`);
  }
  return user;
}

/** 403 when writes to the cluster are switched off. */
export function assertWritable(cluster: string): void {
  if (isReadOnly(cluster)) throw ApiError.of("read_only", `The dashboard is read-only for cluster "${cluster}": no change can be made through it.`);
}

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

function articled(role: Role): string {
  return role === "admin" || role === "editor" ? `an ${role}` : `a ${role}`;
}
