// Administration of etcd's v2 auth (etcd-v2-api.md §8): auth on / off, users, roles and their key
// permissions. Once auth is on, every call but the status needs root credentials (a 401 otherwise).
//
// Writes follow the members API's rule (cluster.ts): a request whose outcome is unknown is never sent
// again to another member unless sending it twice does the same thing. Creating, granting, revoking,
// deleting and switching auth are not (a second attempt answers 409 / 404 although the first worked);
// setting a password is.
//
// etcd's quirks handled here, all seen on etcd 3.4:
// - A PUT of {user, password} on an existing user silently changes its password, and one that names a
//   missing user creates it: create and change-password look first.
// - Granting a role that does not exist is accepted, and from then on GET of that user answers 404
//   ("Role x does not exist"): grants check that the roles exist.
// - Revoking only permissions a role does not have is a 400 ("Role not updated").
// - The guest role appears on the first enable, with read and write on "/*", unless it already exists.
import "server-only";
import type { z } from "zod";
import { authErrorFromResponse, decodeJson } from "./decode";
import { EtcdError } from "./errors";
import type { EtcdRequest, EtcdResponse, EtcdTransport } from "./transport";
import {
  authEnabledSchema,
  wireRoleSchema,
  wireRolesSchema,
  wireUserSchema,
  wireUsersSchema,
  wireUserWriteSchema,
  type WireRole,
  type WireUser,
} from "./wire";
import type { AuthOverview, AuthRole, AuthUser, GuestAccess, KvPermissions, PermissionChange } from "./auth-admin-types";

const ROOT_ROLE = "root";
const ROOT_USER = "root";
export const GUEST_ROLE = "guest";
/** The pattern that covers every key: what guest gets on the first enable. */
const ALL_KEYS = "/*";

const reshapeRole = (role: WireRole): AuthRole => ({ name: role.role, permissions: role.permissions });
const reshapeUser = (user: WireUser): AuthUser => ({ name: user.user, roles: user.roles.map((r) => r.role).sort() });

/** "/v2/auth/users/<name>": the name as one encoded segment; etcd cannot address "", ".", ".." or "/". */
function namePath(kind: "users" | "roles", name: string): string {
  if (name === "" || name === "." || name === ".." || name.includes("/")) {
    throw new EtcdError("invalid-request", `Invalid ${kind === "users" ? "user" : "role"} name ${JSON.stringify(name)}: it cannot be empty, "." or "..", or contain "/".`);
  }
  return `/v2/auth/${kind}/${encodeURIComponent(name)}`;
}

function expectOk(res: EtcdResponse): void {
  if (res.status < 200 || res.status >= 300) throw authErrorFromResponse(res);
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** An auth API answer validated against `schema`, or its typed error. */
const decode = <S extends z.ZodType>(res: EtcdResponse, schema: S, what: string): z.infer<S> => decodeJson(res, schema, what, authErrorFromResponse);

const hasAll = (globs: string[]) => globs.includes(ALL_KEYS);

/** Only the parts of a change that name at least one pattern (etcd wants `kv` with both lists). */
function kvChange(part: Partial<KvPermissions> | undefined) {
  if (!part || (!part.read?.length && !part.write?.length)) return undefined;
  return { kv: { read: part.read ?? [], write: part.write ?? [] } };
}

export class AuthAdminApi {
  constructor(private readonly transport: EtcdTransport) {}

  /** GET /v2/auth/enable: open to anyone, auth on or off. */
  async enabled(signal?: AbortSignal): Promise<boolean> {
    const res = await this.get("/v2/auth/enable", signal);
    return decode(res, authEnabledSchema, "auth status").enabled;
  }

  /**
   * Whether auth is on, whether this client may manage it, and what guest may do. A 401 on the user list
   * means auth is on and these credentials are not root: reported, not thrown.
   */
  async overview(signal?: AbortSignal): Promise<AuthOverview> {
    const enabled = await this.enabled(signal);
    const username = this.transport.username;
    let users: AuthUser[];
    let guest: AuthRole | null;
    try {
      [users, guest] = await Promise.all([this.users(signal), this.findRole(GUEST_ROLE, signal)]);
    } catch (error) {
      if (error instanceof EtcdError && error.kind === "unauthorized") {
        return { enabled, manageable: false, rootUser: null, guest: null, credentials: { configured: username !== undefined, root: username === undefined ? false : null } };
      }
      throw error;
    }
    const self = username === undefined ? undefined : users.find((u) => u.name === username);
    return {
      enabled,
      manageable: true,
      rootUser: users.some((u) => u.name === ROOT_USER),
      guest: guestAccess(guest, enabled),
      credentials: { configured: username !== undefined, root: self ? self.roles.includes(ROOT_ROLE) : false },
    };
  }

  /**
   * Turns auth on. etcd needs a root user first; this client also refuses unless its own credentials are
   * a user with the root role, since otherwise it could no longer manage auth, nor turn it off again.
   */
  async enable(signal?: AbortSignal, options: { requireRootCredentials?: boolean } = {}): Promise<void> {
    if (options.requireRootCredentials !== false) {
      const overview = await this.overview(signal);
      if (overview.enabled) throw new EtcdError("conflict", "Auth is already enabled.", { status: 409 });
      if (!overview.rootUser) throw new EtcdError("conflict", "etcd needs a root user before auth can be enabled: create the user root first.", { status: 409 });
      if (!overview.credentials.root) {
        throw new EtcdError(
          "conflict",
          overview.credentials.configured
            ? "The dashboard's credentials for this cluster are not a user with the root role: once auth is on, the dashboard could no longer manage auth or turn it off. Configure root's credentials first."
            : "The dashboard has no credentials for this cluster: once auth is on, it could no longer manage auth or turn it off. Configure root's username and password for this cluster first.",
          { status: 409 },
        );
      }
    }
    expectOk(await this.write({ method: "PUT", path: "/v2/auth/enable", signal }));
  }

  /** Turns auth off (root credentials needed while it is on). */
  async disable(signal?: AbortSignal): Promise<void> {
    expectOk(await this.write({ method: "DELETE", path: "/v2/auth/enable", signal }));
  }

  /** Every user with its role names, sorted by name (etcd answers {"users":null} when there is none). */
  async users(signal?: AbortSignal): Promise<AuthUser[]> {
    const res = await this.get("/v2/auth/users", signal);
    return decode(res, wireUsersSchema, "user list").users.map(reshapeUser).sort(byName);
  }

  /** One user; not-found when it does not exist (or, etcd's way, when one of its roles was deleted). */
  async user(name: string, signal?: AbortSignal): Promise<AuthUser> {
    const res = await this.get(namePath("users", name), signal);
    return reshapeUser(decode(res, wireUserSchema, "user"));
  }

  /** Creates a user; conflict when it exists (etcd would silently change its password instead). */
  async createUser(name: string, password: string, roles: string[] = [], signal?: AbortSignal): Promise<AuthUser> {
    if (password === "") throw new EtcdError("invalid-request", "A user needs a password.");
    if ((await this.users(signal)).some((u) => u.name === name)) {
      throw new EtcdError("conflict", `User ${name} already exists.`, { status: 409 });
    }
    if (roles.length) await this.assertRolesExist(roles, signal);
    const json = roles.length ? { user: name, password, roles } : { user: name, password };
    const res = await this.write({ method: "PUT", path: namePath("users", name), json, signal });
    return reshapeWrite(res);
  }

  /** Sets a user's password; not-found for a missing user (etcd would create it). */
  async changePassword(name: string, password: string, signal?: AbortSignal): Promise<AuthUser> {
    if (password === "") throw new EtcdError("invalid-request", "The new password cannot be empty.");
    await this.assertUserExists(name, signal);
    // The same password twice is the same outcome: safe to send again elsewhere.
    const res = await this.write({ method: "PUT", path: namePath("users", name), json: { user: name, password }, idempotent: true, signal });
    return reshapeWrite(res);
  }

  /** Grants roles to a user; not-found for a missing role, conflict for one it already has. */
  async grantRoles(name: string, roles: string[], signal?: AbortSignal): Promise<AuthUser> {
    await this.assertRolesExist(roles, signal);
    const res = await this.write({ method: "PUT", path: namePath("users", name), json: { user: name, grant: roles }, signal });
    return reshapeWrite(res);
  }

  /** Revokes roles from a user; conflict for one it does not have. */
  async revokeRoles(name: string, roles: string[], signal?: AbortSignal): Promise<AuthUser> {
    const res = await this.write({ method: "PUT", path: namePath("users", name), json: { user: name, revoke: roles }, signal });
    return reshapeWrite(res);
  }

  /** Deletes a user; root-protected for root while auth is on. */
  async deleteUser(name: string, signal?: AbortSignal): Promise<void> {
    expectOk(await this.write({ method: "DELETE", path: namePath("users", name), signal }));
  }

  /** Every role with its permissions, sorted by name. */
  async roles(signal?: AbortSignal): Promise<AuthRole[]> {
    const res = await this.get("/v2/auth/roles", signal);
    return decode(res, wireRolesSchema, "role list").roles.map(reshapeRole).sort(byName);
  }

  async role(name: string, signal?: AbortSignal): Promise<AuthRole> {
    const res = await this.get(namePath("roles", name), signal);
    return reshapeRole(decode(res, wireRoleSchema, "role"));
  }

  /** Creates a role with key patterns ("/app/*", "/exact/key"); conflict when it exists. */
  async createRole(name: string, permissions: KvPermissions, signal?: AbortSignal): Promise<AuthRole> {
    const json = { role: name, permissions: { kv: { read: permissions.read, write: permissions.write } } };
    const res = await this.write({ method: "PUT", path: namePath("roles", name), json, signal });
    return reshapeRole(decode(res, wireRoleSchema, "role"));
  }

  /**
   * Grants and / or revokes key patterns in one etcd write. Granting a pattern the role has is a
   * conflict; revoking one it lacks is skipped by etcd (a 400 when nothing at all would change).
   */
  async changeRole(name: string, change: PermissionChange, signal?: AbortSignal): Promise<AuthRole> {
    const grant = kvChange(change.grant);
    const revoke = kvChange(change.revoke);
    if (!grant && !revoke) throw new EtcdError("invalid-request", "Name at least one pattern to grant or revoke.");
    const json = { role: name, ...(grant ? { grant } : {}), ...(revoke ? { revoke } : {}) };
    const res = await this.write({ method: "PUT", path: namePath("roles", name), json, signal });
    return reshapeRole(decode(res, wireRoleSchema, "role"));
  }

  /** Deletes a role; root-protected for root. Users keep the name, which etcd then leaves out. */
  async deleteRole(name: string, signal?: AbortSignal): Promise<void> {
    expectOk(await this.write({ method: "DELETE", path: namePath("roles", name), signal }));
  }

  /**
   * Takes "/*" away from guest: write, and read too when asked. Before the first enable there is no guest
   * role yet: it is created narrowed, so enabling does not create the open one. With auth on and no guest
   * role, requests without credentials may do nothing already. Returns guest's access afterwards.
   */
  async narrowGuest(options: { read?: boolean } = {}, signal?: AbortSignal): Promise<GuestAccess> {
    const [enabled, guest] = await Promise.all([this.enabled(signal), this.findRole(GUEST_ROLE, signal)]);
    if (!guest) {
      if (enabled) return guestAccess(null, true);
      const created = await this.createRole(GUEST_ROLE, { read: options.read ? [] : [ALL_KEYS], write: [] }, signal);
      return guestAccess(created, enabled);
    }
    const revoke = {
      read: options.read && hasAll(guest.permissions.read) ? [ALL_KEYS] : [],
      write: hasAll(guest.permissions.write) ? [ALL_KEYS] : [],
    };
    if (!revoke.read.length && !revoke.write.length) return guestAccess(guest, enabled);
    return guestAccess(await this.changeRole(GUEST_ROLE, { revoke }, signal), enabled);
  }

  /** A role, or null when etcd says it does not exist. */
  private async findRole(name: string, signal?: AbortSignal): Promise<AuthRole | null> {
    try {
      return await this.role(name, signal);
    } catch (error) {
      if (error instanceof EtcdError && error.kind === "not-found") return null;
      throw error;
    }
  }

  private async assertUserExists(name: string, signal?: AbortSignal): Promise<void> {
    // The list, not GET of the user: that answers 404 too when one of its roles was deleted.
    if (!(await this.users(signal)).some((u) => u.name === name)) {
      throw new EtcdError("not-found", `User ${name} does not exist.`, { status: 404 });
    }
  }

  private async assertRolesExist(roles: string[], signal?: AbortSignal): Promise<void> {
    const known = new Set((await this.roles(signal)).map((r) => r.name));
    const missing = roles.filter((r) => !known.has(r));
    if (missing.length) {
      throw new EtcdError("not-found", `${missing.length === 1 ? "Role" : "Roles"} ${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not exist.`, { status: 404 });
    }
  }

  private get(path: string, signal?: AbortSignal): Promise<EtcdResponse> {
    return this.transport.request({ method: "GET", path, idempotent: true, signal });
  }

  private write(req: Omit<EtcdRequest, "idempotent"> & { idempotent?: boolean }): Promise<EtcdResponse> {
    return this.transport.request({ ...req, idempotent: req.idempotent ?? false });
  }
}

function reshapeWrite(res: EtcdResponse): AuthUser {
  const user = decode(res, wireUserWriteSchema, "user");
  return { name: user.user, roles: [...user.roles].sort() };
}

function guestAccess(guest: AuthRole | null, enabled: boolean): GuestAccess {
  if (!guest) {
    // Missing: the first enable creates it wide open; with auth already on, guest may do nothing.
    const permissions = enabled ? { read: [], write: [] } : { read: [ALL_KEYS], write: [ALL_KEYS] };
    return { exists: false, permissions, openRead: !enabled, openWrite: !enabled };
  }
  return { exists: true, permissions: guest.permissions, openRead: hasAll(guest.permissions.read), openWrite: hasAll(guest.permissions.write) };
}
