// Logins kept in the server's memory: the browser holds only a random 256-bit id in an HttpOnly cookie.
// A server-side store (rather than a signed cookie) makes logout final: the id is forgotten at once.
// Sessions do not survive a restart of the dashboard; users log in again.
import crypto from "node:crypto";
import type { SessionUser } from "./roles";

export interface Session {
  user: SessionUser;
  expiresAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new session id for the user, valid for `lifetimeMs`. */
  create(user: SessionUser, lifetimeMs: number): string {
    this.sweep();
    const id = crypto.randomBytes(32).toString("base64url");
    this.sessions.set(id, { user, expiresAt: this.now() + lifetimeMs });
    return id;
  }

  /** The live session of this id; an expired one is forgotten. */
  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Drops expired sessions, so that logins nobody ends don't pile up. */
  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
