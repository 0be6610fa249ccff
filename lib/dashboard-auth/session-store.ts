// Logins kept in the server's memory: the browser holds only a random 256-bit id in an HttpOnly cookie.
// A server-side store (rather than a signed cookie) makes logout final: the id is forgotten at once.
// Sessions do not survive a restart of the dashboard; users log in again.
import crypto from "node:crypto";
import type { SessionUser } from "./roles";

export interface Session {
  user: SessionUser;
  expiresAt: number;
  /** The last request made with it: a session unused for longer than the idle timeout ends. */
  lastSeenAt: number;
  /** Aborted when the session ends, however it ends: what it started (watch streams) ends with it. */
  ended: AbortController;
}

export interface SessionSummary {
  user: SessionUser;
  lastSeenAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  /** `idleMs`: how long a session may go unused, read on each check so a reloaded config applies at once. */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly idleMs: () => number = () => Infinity,
  ) {}

  /** A new session id for the user, valid for `lifetimeMs`. */
  create(user: SessionUser, lifetimeMs: number): string {
    this.sweep();
    const id = crypto.randomBytes(32).toString("base64url");
    const now = this.now();
    this.sessions.set(id, { user, expiresAt: now + lifetimeMs, lastSeenAt: now, ended: new AbortController() });
    return id;
  }

  /** The live session of this id, now counted as used; an expired or idle one ends. */
  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.now();
    if (this.isOver(session, now)) {
      this.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  /** Aborts when the session ends (logout, expiry, idle, its user removed or logged out everywhere); undefined for no live session. */
  endSignal(id: string): AbortSignal | undefined {
    return this.get(id)?.ended.signal;
  }

  delete(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    session.ended.abort(new Error("the session ended"));
  }

  /** Ends every session of which `ends(user)` holds; returns how many ended. */
  deleteWhere(ends: (user: SessionUser) => boolean): number {
    let count = 0;
    for (const [id, session] of this.sessions) {
      if (!ends(session.user)) continue;
      this.delete(id);
      count++;
    }
    return count;
  }

  /** Every live session's user and last use (never its id). */
  list(): SessionSummary[] {
    this.sweep();
    return [...this.sessions.values()].map(({ user, lastSeenAt }) => ({ user, lastSeenAt }));
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Ends expired and idle sessions: logins nobody ends don't pile up, and their streams close on time. */
  sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (this.isOver(session, now)) this.delete(id);
  }

  private isOver(session: Session, now: number): boolean {
    return session.expiresAt <= now || now - session.lastSeenAt >= this.idleMs();
  }
}
