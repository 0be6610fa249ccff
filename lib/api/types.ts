// Response shapes of the dashboard's HTTP API, as the browser sees them. Key responses keep etcd v2's
// shapes (action, node, prevNode: the wire types of lib/etcd/wire.ts) and add etcdIndex.
import type { AuditEntry } from "@/lib/audit/entry";
import type { V2Action, V2Node } from "@/lib/etcd/wire";

export interface KeyResponse {
  action: V2Action;
  node?: V2Node;
  prevNode?: V2Node;
  etcdIndex: number;
}

export interface ClusterListResponse {
  clusters: { name: string; endpointCount: number; readOnly: boolean }[];
}

// Version, health and members keep the client's own shapes.
export type { ClusterHealth as HealthResponse } from "@/lib/etcd/cluster-types";
export type { Member, Versions as VersionResponse } from "@/lib/etcd/wire";

export type PerMemberResult<T> =
  | { id: string; name: string; endpoint: string | null; ok: true; stats: T }
  | { id: string; name: string; endpoint: string | null; ok: false; error: { code: string; message: string } };

/** An audit entry with its id (the byte offset of its line in the log: unique, and stable while the file is appended to). */
export type AuditRecord = AuditEntry & { id: string };

/** GET /api/audit */
export interface AuditLogResponse {
  /** Newest first. */
  entries: AuditRecord[];
  /** Pass as `cursor` for older entries; absent when the whole log has been read. */
  nextCursor?: string;
  /** The log file on the server. */
  file: string;
}

/** GET /api/session: who the browser is logged in as, and what the dashboard allows. */
export interface SessionResponse {
  /** null: not logged in (only when loginRequired). */
  user: { name: string; role: "viewer" | "editor" | "admin" } | null;
  loginRequired: boolean;
  /** Every cluster read-only. */
  readOnly: boolean;
}

/** GET /api/sessions (admin): each configured user's live sessions. */
export interface SessionsResponse {
  users: { name: string; role: "viewer" | "editor" | "admin"; sessions: number; lastSeenAt?: string }[];
}

/** DELETE /api/sessions?user=: how many sessions ended. */
export interface LoggedOutEverywhereResponse {
  ended: number;
}

// etcd v2 auth administration (…/auth): the client's own answers.
export type { AuthRole, AuthUser, GuestAccess, KvPermissions } from "@/lib/etcd/auth-admin-types";
export type { AuthOverview as AuthOverviewResponse } from "@/lib/etcd/auth-admin-types";
