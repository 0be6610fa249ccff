// What the browser shows a user may do, worked out from the same roles and read-only switches the server
// enforces (the server refuses anyway; this only hides controls that would be refused).
import { roleAllows, type Role, type SessionUser } from "./roles";

export interface AccessSnapshot {
  user: SessionUser;
  loginRequired: boolean;
  /** The whole dashboard is read-only. */
  readOnly: boolean;
  /** Clusters configured read-only on their own. */
  readOnlyClusters: string[];
}

export interface AccessView {
  user: SessionUser;
  loginRequired: boolean;
  can: (role: Role) => boolean;
  /** Writes to this cluster (or, with no cluster, to any) are refused. */
  readOnly: boolean;
  /** May change keys here: editor or admin, and not read-only. */
  canWrite: boolean;
  /** May change members and etcd auth here: admin, and not read-only. */
  canManage: boolean;
}

export function accessView(snapshot: AccessSnapshot, cluster?: string): AccessView {
  const { user } = snapshot;
  const readOnly = snapshot.readOnly || (cluster !== undefined && snapshot.readOnlyClusters.includes(cluster));
  return {
    user,
    loginRequired: snapshot.loginRequired,
    can: (role) => roleAllows(user.role, role),
    readOnly,
    canWrite: !readOnly && roleAllows(user.role, "editor"),
    canManage: !readOnly && roleAllows(user.role, "admin"),
  };
}
