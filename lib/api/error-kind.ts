// The failures a person tells apart, from the API's error codes: one kind, one set of words (the `errors`
// catalogue: title, explanation, what to do), whichever page or component shows the failure.
import type { ErrorText } from "@/lib/editor/error-text";
import { ApiError, type ApiErrorBody, type ApiErrorCode } from "./errors";

export const ERROR_KINDS = [
  "timeout",
  "unreachable",
  "noLeader",
  "v2Disabled",
  "etcdUnauthorized",
  "sessionExpired",
  "forbidden",
  "readOnly",
  "notFound",
  "outcomeUnknown",
  "tooMany",
  "invalidInput",
  "etcdRejected",
  "unexpected",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Kinds that mean the dashboard cannot talk to the cluster at all: the connection banner's business. */
export const CONNECTION_KINDS: ReadonlySet<ErrorKind> = new Set(["timeout", "unreachable", "noLeader", "v2Disabled", "etcdUnauthorized"]);

const KIND_BY_CODE: Partial<Record<ApiErrorCode, ErrorKind>> = {
  etcd_timeout: "timeout",
  etcd_unavailable: "unreachable",
  etcd_no_leader: "noLeader",
  etcd_v2_disabled: "v2Disabled",
  etcd_unauthorized: "etcdUnauthorized",
  unauthenticated: "sessionExpired",
  forbidden: "forbidden",
  read_only: "readOnly",
  not_found: "notFound",
  cluster_not_found: "notFound",
  keyspace_not_offered: "notFound",
  too_many_attempts: "tooMany",
  too_many_requests: "tooMany",
  too_many_streams: "tooMany",
  invalid_input: "invalidInput",
  etcd_rejected: "etcdRejected",
  etcd_protocol: "unexpected",
  etcd_permission_denied: "etcdRejected",
  etcd_no_space: "etcdRejected",
  request_too_large: "invalidInput",
  future_revision: "invalidInput",
  internal: "unexpected",
};

/**
 * The kind of a failure, or undefined for the codes whose words depend on what the user did (a key that
 * exists, a compare that failed ...: the key panel's and dialogs' own words). An unknown outcome comes first:
 * whatever went wrong, the user must first learn that the change may have been applied.
 */
export function errorKindOf(body: Pick<ApiErrorBody, "code" | "outcomeUnknown">): ErrorKind | undefined {
  if (body.outcomeUnknown) return "outcomeUnknown";
  return KIND_BY_CODE[body.code];
}

export function isConnectionKind(kind: ErrorKind | undefined): boolean {
  return kind !== undefined && CONNECTION_KINDS.has(kind);
}

/**
 * Any thrown value as an ErrorText: a failure of a shared kind carries its kind (its words come from the
 * catalogue), unless it is one of `described`, which the caller's `describe` words in the context of what the
 * user did; codes without a kind are always the caller's to word.
 */
export function errorTextOf(error: unknown, describe: (body: ApiErrorBody) => ErrorText, described: readonly ErrorKind[] = []): ErrorText {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error) };
  const kind = errorKindOf(error.body);
  if (kind && !described.includes(kind)) return { message: error.message, etcdCode: error.body.etcdCode, kind };
  return describe(error.body);
}
