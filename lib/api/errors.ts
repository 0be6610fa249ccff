// The error contract shared by route handlers and the browser: codes as data, one status per code,
// one envelope. Components branch on `error.code`, never on message strings.
import { z } from "zod";

export const apiErrorCodeSchema = z.enum([
  "invalid_input",
  "unsupported_media_type",
  "payload_too_large",
  "method_not_allowed",
  "cancelled",
  "cross_origin",
  "host_not_allowed",
  "unauthenticated",
  "invalid_credentials",
  "too_many_attempts",
  "too_many_requests",
  "too_many_streams",
  "forbidden",
  "read_only",
  "not_found",
  "cluster_not_found",
  "key_not_found",
  "member_not_found",
  "compare_failed",
  "key_exists",
  "not_a_file",
  "not_a_directory",
  "directory_not_empty",
  "root_read_only",
  "history_cleared",
  "conflict",
  "member_removed",
  "root_protected",
  "etcd_unauthorized",
  "etcd_rejected",
  "etcd_protocol",
  "etcd_unavailable",
  "etcd_no_leader",
  "etcd_v2_disabled",
  "etcd_timeout",
  // etcd v3
  "lease_not_found",
  "revision_compacted",
  "future_revision",
  "request_too_large",
  "etcd_permission_denied",
  "etcd_no_space",
  "keyspace_not_offered",
  "internal",
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  method_not_allowed: 405,
  // nginx's "client closed request": the browser went away before the answer; nobody reads it.
  cancelled: 499,
  cross_origin: 403,
  /** A Host name the dashboard is not served under (DNS rebinding); answered by scripts/server.mjs. */
  host_not_allowed: 403,
  /** No session, or it expired: log in. */
  unauthenticated: 401,
  invalid_credentials: 401,
  too_many_attempts: 429,
  /** The user already runs as many searches, imports or exports at once as one user may: retry later. */
  too_many_requests: 429,
  /** A session has as many watch streams open as it may (lib/watch/stream-quota.ts). */
  too_many_streams: 429,
  /** Logged in, but the role doesn't allow it. */
  forbidden: 403,
  /** The cluster (or the whole dashboard) is configured read-only. */
  read_only: 403,
  not_found: 404,
  cluster_not_found: 404,
  key_not_found: 404,
  member_not_found: 404,
  compare_failed: 412,
  key_exists: 412,
  not_a_file: 403,
  not_a_directory: 403,
  directory_not_empty: 403,
  root_read_only: 403,
  history_cleared: 409,
  conflict: 409,
  member_removed: 410,
  /** etcd protects the root role (always) and the root user (while auth is on). */
  root_protected: 403,
  etcd_unauthorized: 401,
  etcd_rejected: 502,
  etcd_protocol: 502,
  etcd_unavailable: 503,
  etcd_no_leader: 503,
  etcd_v2_disabled: 503,
  etcd_timeout: 504,
  lease_not_found: 404,
  /** The revision asked for was compacted away: re-list (like history_cleared on v2). */
  revision_compacted: 410,
  future_revision: 400,
  request_too_large: 413,
  /** etcd's RBAC refused the dashboard's own etcd user (not the dashboard user's role: that is forbidden). */
  etcd_permission_denied: 403,
  /** etcd's NOSPACE alarm: writes are refused until space is freed and the alarm disarmed. */
  etcd_no_space: 507,
  /** The cluster is configured without this keyspace (v2 or v3): its routes answer as if they did not exist. */
  keyspace_not_offered: 404,
  internal: 500,
};

/** A v3 key as the API shows it: its display form, its value (base64, and text when UTF-8), revisions and lease id as decimal strings. */
export const keyState3Schema = z.object({
  key: z.string(),
  value: z.object({ base64: z.string(), text: z.string().optional() }),
  createRevision: z.string(),
  modRevision: z.string(),
  version: z.string(),
  /** The lease id, "0" when none. */
  lease: z.string(),
});

const apiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof apiIssueSchema>;

export const apiErrorBodySchema = z.object({
  code: apiErrorCodeSchema,
  message: z.string(),
  /** etcd's own errorCode (100 key not found, 101 compare failed ...), when etcd produced the error. */
  etcdCode: z.number().optional(),
  /** The gRPC status code of a failed etcd v3 call (etcd's own message is then in `cause`). */
  grpcCode: z.number().optional(),
  /** etcd's cause: usually the key concerned, or "[their != yours]" for a failed compare. */
  cause: z.string().optional(),
  /** etcd's index when the error happened. */
  index: z.number().optional(),
  /** Which input was wrong, and why. */
  issues: z.array(apiIssueSchema).optional(),
  /** A write that may or may not have been applied. */
  outcomeUnknown: z.boolean().optional(),
  /** too_many_attempts, too_many_requests: seconds to wait before trying again (also the Retry-After header). */
  retryAfterSeconds: z.number().optional(),
  /**
   * A refused v3 compare-and-swap, create or delete: the key as it is now, from the same transaction (null: it does
   * not exist), so the conflict dialog needs no second read (lib/api/keys3.ts KeyState3).
   */
  current: keyState3Schema
    .nullable()
    .optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export const apiErrorEnvelopeSchema = z.object({ error: apiErrorBodySchema });

/** As for EtcdError (lib/etcd/errors.ts): `instanceof` must hold across Next.js's separately bundled copies. */
const API_ERROR_BRAND = Symbol.for("etcd-dashboard.ApiError");

export class ApiError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[API_ERROR_BRAND] === true;
  }
  readonly [API_ERROR_BRAND] = true;
  override readonly name = "ApiError";
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(body: ApiErrorBody, status = API_ERROR_STATUS[body.code]) {
    super(body.message);
    this.code = body.code;
    this.status = status;
    this.body = body;
  }

  static of(code: ApiErrorCode, message: string, extra: Omit<ApiErrorBody, "code" | "message"> = {}): ApiError {
    return new ApiError({ code, message, ...extra });
  }

  get outcomeUnknown(): boolean {
    return this.body.outcomeUnknown === true;
  }
}

/** zod issues as {path, message}, the path in dotted form ("body.ttl"). */
export function issuesFromZod(error: z.ZodError, prefix?: string): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}
