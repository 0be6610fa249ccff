// "Log out everywhere": every session of one user ends at once (their watch streams with them). A user may
// do it for themselves (a forgotten browser, a leaked cookie), an admin for anyone. Audited.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { SessionsResponse } from "@/lib/api/types";
import { recordAudit } from "@/lib/audit/log";
import { accessSettings } from "@/lib/clusters";
import { authState } from "./access";
import type { SessionUser } from "./roles";

export async function logOutEverywhere(actor: SessionUser, userName: string, client: string): Promise<number> {
  if (actor.name !== userName && actor.role !== "admin") {
    throw ApiError.of("forbidden", `Only an admin may log out another user; ${actor.name} may log out only their own sessions.`);
  }
  const ended = authState().sessions.deleteWhere((user) => user.name === userName);
  await recordAudit({ user: actor.name, operation: "logout-everywhere", options: { client, of: userName, sessions: ended }, result: { ok: true } });
  return ended;
}

/** Every configured user with their live sessions (how many, last used): what an admin picks from. */
export function sessionsByUser(): SessionsResponse {
  const live = authState().sessions.list();
  return {
    users: accessSettings().users.map(({ name, role }) => {
      const own = live.filter((s) => s.user.name === name);
      const lastSeenAt = Math.max(0, ...own.map((s) => s.lastSeenAt));
      return { name, role, sessions: own.length, ...(own.length ? { lastSeenAt: new Date(lastSeenAt).toISOString() } : {}) };
    }),
  };
}
