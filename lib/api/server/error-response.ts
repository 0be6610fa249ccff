// One function that turns anything thrown in a route into the JSON error envelope and its status.
import "server-only";
import { EtcdError, type EtcdErrorKind } from "@/lib/etcd";
import { API_ERROR_STATUS, ApiError, type ApiErrorCode } from "../errors";

const CODE_BY_KIND: Record<EtcdErrorKind, ApiErrorCode> = {
  "key-not-found": "key_not_found",
  "compare-failed": "compare_failed",
  "not-a-file": "not_a_file",
  "not-a-directory": "not_a_directory",
  "key-exists": "key_exists",
  "root-read-only": "root_read_only",
  "directory-not-empty": "directory_not_empty",
  unauthorized: "etcd_unauthorized",
  "invalid-request": "invalid_input",
  "history-cleared": "history_cleared",
  "raft-error": "etcd_timeout",
  "not-leader": "etcd_no_leader",
  "member-not-found": "member_not_found",
  conflict: "conflict",
  "member-removed": "member_removed",
  "not-found": "not_found",
  "root-protected": "root_protected",
  rejected: "etcd_rejected",
  "v2-disabled": "etcd_v2_disabled",
  unavailable: "etcd_unavailable",
  timeout: "etcd_timeout",
  protocol: "etcd_protocol",
  "lease-not-found": "lease_not_found",
  compacted: "revision_compacted",
  "future-revision": "future_revision",
  "request-too-large": "request_too_large",
  "permission-denied": "etcd_permission_denied",
  "no-space": "etcd_no_space",
  "no-leader": "etcd_no_leader",
};

function apiErrorFromEtcd(error: EtcdError): ApiError {
  let code = CODE_BY_KIND[error.kind];
  // An election or lost quorum reported by /v2/members/leader is "no leader", not a timeout.
  if (error.kind === "raft-error" && error.status === 503) code = "etcd_no_leader";
  return ApiError.of(code, error.message, {
    etcdCode: error.etcdCode,
    grpcCode: error.grpcCode,
    cause: error.etcdCause,
    index: error.index,
    outcomeUnknown: error.outcomeUnknown || undefined,
  });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof EtcdError) return apiErrorFromEtcd(error);
  // The browser went away (request.signal aborted a read): not a server fault, nothing to log.
  if (error instanceof Error && error.name === "AbortError") return ApiError.of("cancelled", "The request was cancelled.");
  // A deadline of the server's own (AbortSignal.timeout: the cluster monitor's poll) ran out: etcd did not answer.
  if (error instanceof Error && error.name === "TimeoutError") return ApiError.of("etcd_timeout", "etcd did not answer in time.");
  // A bug, not the user's fault: log it here, and tell the browser nothing of the internals.
  console.error("[etcd-dashboard] unexpected error in a route handler:", error);
  return ApiError.of("internal", "Unexpected server error. The server log has the details.");
}

export function errorResponse(error: unknown): Response {
  const { status, body, headers } = errorAnswer(error);
  return Response.json(body, { status, headers });
}

/** The status, envelope and headers of the answer to anything thrown. */
export function errorAnswer(error: unknown): { status: number; body: { error: Record<string, unknown> }; headers: Record<string, string> } {
  const apiError = toApiError(error);
  const retryAfter = apiError.body.retryAfterSeconds;
  const headers = retryAfter === undefined ? NO_STORE : { ...NO_STORE, "retry-after": String(retryAfter) };
  return { status: API_ERROR_STATUS[apiError.code], body: envelopeOf(apiError), headers };
}

/** The error envelope's body for anything thrown, as the API sends it (also inside watch streams). */
export function errorEnvelope(error: unknown): { error: Record<string, unknown> } {
  return envelopeOf(toApiError(error));
}

function envelopeOf(apiError: ApiError): { error: Record<string, unknown> } {
  return { error: definedFields(apiError.body) };
}

function definedFields(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export const NO_STORE = { "cache-control": "no-store" };
