// Who may do what. Shared by the server (which enforces it on every route) and the browser (which
// only offers the controls a role may use). Each role includes everything the one before it may do.
import { z } from "zod";

export const roleSchema = z.enum(["viewer", "editor", "admin"]);
export type Role = z.infer<typeof roleSchema>;

/** viewer: browse, watch, stats. editor: plus key writes. admin: plus members, etcd auth, the audit log. */
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The person behind a request: a configured user, or "anonymous" when no login is configured. */
export interface SessionUser {
  name: string;
  role: Role;
}

export const ANONYMOUS_NAME = "anonymous";
