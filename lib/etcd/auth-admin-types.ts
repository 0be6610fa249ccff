// What the etcd v2 auth administration (auth-admin.ts) answers: types only, so that the HTTP API's
// contract (lib/api/types.ts) and the browser can type-import them without any of the client.

export interface KvPermissions {
  read: string[];
  write: string[];
}

export interface AuthRole {
  name: string;
  permissions: KvPermissions;
}

export interface AuthUser {
  name: string;
  /** Role names (a role deleted since it was granted is left out). */
  roles: string[];
}

/** What a request without credentials may do once auth is on. */
export interface GuestAccess {
  /** The guest role exists; if not, enabling auth creates it with read and write on "/*". */
  exists: boolean;
  /** Its permissions now (when missing: what it will get, or nothing once auth is on). */
  permissions: KvPermissions;
  /** Anyone without credentials may write (read) every key. */
  openWrite: boolean;
  openRead: boolean;
}

export interface AuthOverview {
  enabled: boolean;
  /** etcd shows users and roles to this client: auth is off, or the client's credentials are root. */
  manageable: boolean;
  /** A user named root exists (etcd refuses to enable auth without one); null when not manageable. */
  rootUser: boolean | null;
  /** null when not manageable. */
  guest: GuestAccess | null;
  /** The credentials this client sends, if any, and whether etcd lists that user with the root role. */
  credentials: { configured: boolean; root: boolean | null };
}

export interface PermissionChange {
  grant?: Partial<KvPermissions>;
  revoke?: Partial<KvPermissions>;
}
