// One error class for every failure of the etcd client. `kind` is what callers branch on; etcd's own
// errorCode, cause and index are kept so nothing etcd said is lost on the way to the browser.

export type EtcdErrorKind =
  | "key-not-found" // 100
  | "compare-failed" // 101
  | "not-a-file" // 102
  | "not-a-directory" // 104
  | "key-exists" // 105
  | "root-read-only" // 107
  | "directory-not-empty" // 108
  | "unauthorized" // 110, or 401 from the members / auth API
  | "invalid-request" // 200-212, or refused by this client before sending
  | "history-cleared" // 401 (served with HTTP 400): the watch must resync
  | "raft-error" // 300: no leader / request timed out inside etcd
  | "not-leader" // 403 from /v2/stats/leader on a follower
  | "member-not-found" // 404 from /v2/members/<id>
  | "conflict" // 409 from the members API
  | "member-removed" // 410 from the members API
  | "not-found" // 404 from the auth API: no such user or role
  | "root-protected" // 403 from the auth API: the root role, or the root user while auth is on
  | "rejected" // any other {"message"} error from etcd
  | "v2-disabled" // plain-text 404 on /v2/*: etcd runs without --enable-v2
  | "unavailable" // no endpoint could be reached
  | "timeout" // the client's deadline passed
  | "protocol" // a response this client cannot understand (redirect, bad JSON ...)
  // etcd v3 (gRPC) only: lib/etcd3/grpc-errors.ts
  | "lease-not-found" // NOT_FOUND requested lease not found
  | "compacted" // OUT_OF_RANGE required revision has been compacted: re-list, then go on
  | "future-revision" // OUT_OF_RANGE a revision above the current one
  | "request-too-large" // INVALID_ARGUMENT request is too large, or RESOURCE_EXHAUSTED above 2 MiB
  | "permission-denied" // PERMISSION_DENIED: etcd's RBAC refused the dashboard's etcd user
  | "no-space" // RESOURCE_EXHAUSTED database space exceeded (NOSPACE alarm)
  | "no-leader"; // UNAVAILABLE etcdserver: no leader

export interface EtcdErrorDetails {
  etcdCode?: number;
  etcdCause?: string;
  index?: number;
  status?: number;
  /** A write whose outcome is unknown: it may or may not have been applied. */
  outcomeUnknown?: boolean;
  /** Worth trying again (on another endpoint, or later). */
  retryable?: boolean;
  /** The gRPC status code of a v3 call's failure (etcd's own message is then `etcdCause`). */
  grpcCode?: number;
  cause?: unknown;
}

/**
 * Marks EtcdErrors so that `instanceof` holds across copies of this module: Next.js bundles the routes
 * and instrumentation.ts (the fast path for key reads) separately, and the client kept on globalThis may
 * come from either copy.
 */
const ETCD_ERROR_BRAND = Symbol.for("etcd-dashboard.EtcdError");

export class EtcdError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ETCD_ERROR_BRAND] === true;
  }
  readonly [ETCD_ERROR_BRAND] = true;
  override readonly name = "EtcdError";
  readonly kind: EtcdErrorKind;
  readonly etcdCode?: number;
  readonly etcdCause?: string;
  readonly index?: number;
  /** The HTTP status etcd answered with, when it answered. */
  readonly status?: number;
  readonly outcomeUnknown: boolean;
  readonly retryable: boolean;
  readonly grpcCode?: number;

  constructor(kind: EtcdErrorKind, message: string, details: EtcdErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.etcdCode = details.etcdCode;
    this.etcdCause = details.etcdCause;
    this.index = details.index;
    this.status = details.status;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.retryable = details.retryable ?? false;
    this.grpcCode = details.grpcCode;
  }

  static invalidKey(problem: string, key: string): EtcdError {
    const shown = key.length > 200 ? `${key.slice(0, 200)}…` : key;
    return new EtcdError("invalid-request", `Invalid key ${JSON.stringify(shown)}: ${problem}`);
  }

  /** The same error, marked as a write whose outcome is unknown. */
  asOutcomeUnknown(): EtcdError {
    const message = this.outcomeUnknown
      ? this.message
      : `${this.message} The write may or may not have been applied: reload to see the current state.`;
    return new EtcdError(this.kind, message, { ...this.details(), outcomeUnknown: true });
  }

  private details(): EtcdErrorDetails {
    return {
      etcdCode: this.etcdCode,
      etcdCause: this.etcdCause,
      index: this.index,
      status: this.status,
      outcomeUnknown: this.outcomeUnknown,
      retryable: this.retryable,
      grpcCode: this.grpcCode,
      cause: this.cause,
    };
  }
}

export function isEtcdError(error: unknown, kind?: EtcdErrorKind): error is EtcdError {
  return error instanceof EtcdError && (kind === undefined || error.kind === kind);
}

/** etcd v2 errorCode -> kind. Codes 3.4 never produces fall back to "invalid-request" / "rejected". */
const KIND_BY_ETCD_CODE: Record<number, EtcdErrorKind> = {
  100: "key-not-found",
  101: "compare-failed",
  102: "not-a-file",
  104: "not-a-directory",
  105: "key-exists",
  107: "root-read-only",
  108: "directory-not-empty",
  110: "unauthorized",
  300: "raft-error",
  301: "raft-error",
  401: "history-cleared",
};

export function kindForEtcdCode(code: number): EtcdErrorKind {
  const known = KIND_BY_ETCD_CODE[code];
  if (known) return known;
  if (code >= 200 && code < 300) return "invalid-request";
  return "rejected";
}

/** Plain words for each kind, used when etcd's own message is missing or too terse. */
const PLAIN_MESSAGES: Partial<Record<EtcdErrorKind, string>> = {
  "key-not-found": "Key not found.",
  "compare-failed": "The key was changed by someone else (compare failed).",
  "not-a-file": "This is a directory, not a key.",
  "not-a-directory": "A part of this path is a key, not a directory.",
  "key-exists": "The key already exists.",
  "root-read-only": "The root directory is read-only.",
  "directory-not-empty": "The directory is not empty.",
  unauthorized: "etcd refused the request: the dashboard's etcd credentials lack permission.",
  "history-cleared": "etcd no longer holds events that old (its history keeps the last 1000).",
  "raft-error": "etcd could not commit the request (no leader, or the cluster has no quorum).",
};

/** Builds an EtcdError from an etcd v2 `{errorCode, message, cause, index}` body. */
export function fromV2Error(
  body: { errorCode: number; message: string; cause?: string; index?: number },
  status: number,
): EtcdError {
  const kind = kindForEtcdCode(body.errorCode);
  const plain = PLAIN_MESSAGES[kind];
  const message = plain ?? body.message;
  return new EtcdError(kind, body.cause ? `${message} (${body.cause})` : message, {
    etcdCode: body.errorCode,
    etcdCause: body.cause,
    index: body.index,
    status,
    retryable: kind === "raft-error",
  });
}

/**
 * Builds an EtcdError from a `{"message": "..."}` answer of the auth API (etcd-v2-api.md §8). etcd's words
 * lose their "auth: " prefix; a 401 says plainly that these calls need root.
 */
export function fromAuthMessageError(message: string, status: number): EtcdError {
  const text = message.replace(/^auth:\s*/i, "");
  const kind: EtcdErrorKind =
    status === 401
      ? "unauthorized"
      : status === 403
        ? "root-protected"
        : status === 404
          ? "not-found"
          : status === 409
            ? "conflict"
            : status === 400
              ? "invalid-request"
              : "rejected";
  const plain =
    kind === "unauthorized"
      ? "etcd refused: with auth enabled, managing users, roles and auth needs a root user's credentials. Configure the dashboard's credentials for this cluster as a user with the root role."
      : text;
  return new EtcdError(kind, plain, { status, etcdCause: kind === "unauthorized" ? text : undefined, retryable: status >= 500 });
}

/** Builds an EtcdError from the `{"message": "..."}` shape of the members and leader-stats APIs. */
export function fromMessageError(message: string, status: number): EtcdError {
  const kind: EtcdErrorKind =
    status === 401
      ? "unauthorized"
      : status === 403 && /not current leader/i.test(message)
        ? "not-leader"
        : status === 404
          ? "member-not-found"
          : status === 409
            ? "conflict"
            : status === 410
              ? "member-removed"
              : status === 400 || status === 415
                ? "invalid-request"
                : "rejected";
  const text =
    status === 500 && /internal server error/i.test(message)
      ? "etcd refused the change (Internal Server Error). For membership changes this usually means the cluster is not healthy enough to reconfigure: every member must be up and have joined for a few seconds."
      : message;
  return new EtcdError(kind, text, { status, retryable: status >= 500 });
}

export const V2_DISABLED_MESSAGE =
  "etcd answered 404 for the v2 API: this etcd runs without the v2 API. Start etcd 3.4 or 3.5 with --enable-v2=true (etcd 3.6 removed the v2 API).";
