// One table from a gRPC status (code + etcd's message) to the client's EtcdError kind (etcd-v3-api.md §3.5,
// §8.1, §9), and whether etcd may have applied the request: a write whose failure says "maybe" is of
// unknown outcome; one that says "no" was refused before it was proposed and may go to another member.
import "server-only";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { EtcdError, type EtcdErrorKind } from "../etcd/errors";

export interface GrpcFailure {
  code: number;
  /** etcd's message (grpc-js `details`), e.g. "etcdserver: requested lease not found". */
  details: string;
}

interface Rule {
  code: number;
  /** Matched against the message; none: any message with this code. */
  match?: RegExp;
  kind: EtcdErrorKind;
  /** Worth trying again, on another member or later. */
  retryable?: boolean;
  /** etcd may have applied the request (a write is then of unknown outcome). */
  maybeApplied?: boolean;
  /** Plain words; etcd's own message is kept beside them. */
  text?: string;
}

const S = GrpcStatus;

/** First match wins. */
const RULES: Rule[] = [
  { code: S.INVALID_ARGUMENT, match: /request is too large/, kind: "request-too-large", text: "The request is larger than etcd accepts (1.5 MiB by default, --max-request-bytes)." },
  // §9: no token while auth is on, or a wrong password for the dashboard's own etcd user.
  { code: S.INVALID_ARGUMENT, match: /user name is empty|authentication failed|invalid user ID or password/, kind: "unauthorized", text: "etcd refused the dashboard's etcd credentials." },
  { code: S.INVALID_ARGUMENT, kind: "invalid-request" },
  { code: S.OUT_OF_RANGE, match: /compacted/, kind: "compacted", text: "etcd no longer holds that revision: it was compacted." },
  { code: S.OUT_OF_RANGE, match: /future revision/, kind: "future-revision", text: "That revision is newer than etcd's current revision." },
  { code: S.OUT_OF_RANGE, kind: "invalid-request" },
  { code: S.NOT_FOUND, match: /lease not found/, kind: "lease-not-found", text: "The lease does not exist (it expired or was revoked)." },
  { code: S.NOT_FOUND, match: /member not found/, kind: "member-not-found" },
  { code: S.NOT_FOUND, kind: "not-found" },
  { code: S.RESOURCE_EXHAUSTED, match: /database space exceeded/, kind: "no-space", text: "etcd's database is full (NOSPACE alarm): free space, compact and defragment, then disarm the alarm." },
  // §0.8: etcd's own limit on a request (its message starts with "grpc: ").
  { code: S.RESOURCE_EXHAUSTED, match: /^grpc: received message larger than max/, kind: "request-too-large", text: "The request is larger than etcd accepts (2 MiB)." },
  // §0.3: grpc-js's limit on an answer: this client's own limit.
  { code: S.RESOURCE_EXHAUSTED, match: /larger than max/, kind: "protocol", text: "etcd's answer is larger than this client accepts." },
  { code: S.RESOURCE_EXHAUSTED, kind: "rejected", retryable: true },
  { code: S.PERMISSION_DENIED, kind: "permission-denied", text: "etcd refused: the dashboard's etcd user lacks permission for this." },
  { code: S.UNAUTHENTICATED, kind: "unauthorized", text: "etcd refused the dashboard's etcd credentials (invalid auth token)." },
  // §3.5: these were refused before a proposal.
  { code: S.UNAVAILABLE, match: /etcdserver: no leader/, kind: "no-leader", retryable: true, text: "The etcd member has no leader (no quorum, or an election is under way)." },
  { code: S.UNAVAILABLE, match: /not supported for learner|leader changed/, kind: "unavailable", retryable: true },
  // §3.5: "request timed out, possibly due to previous leader failure": the write may have been applied.
  { code: S.UNAVAILABLE, match: /etcdserver: request timed out/, kind: "raft-error", retryable: true, maybeApplied: true, text: "etcd could not commit the request in time (no quorum, or a leader election)." },
  { code: S.UNAVAILABLE, kind: "unavailable", retryable: true, maybeApplied: true },
  { code: S.DEADLINE_EXCEEDED, kind: "timeout", retryable: true, maybeApplied: true, text: "etcd did not answer in time." },
  // §3.5: a write without quorum ends with UNKNOWN "context deadline exceeded" after 7 s.
  { code: S.UNKNOWN, match: /context deadline exceeded/, kind: "raft-error", retryable: true, maybeApplied: true, text: "etcd could not commit the request in time (no quorum, or a leader election)." },
  // §0.19: Hash, HashKV and Defragment as non-root.
  { code: S.UNKNOWN, match: /permission denied/, kind: "permission-denied", text: "etcd refused: the dashboard's etcd user lacks permission for this." },
  { code: S.FAILED_PRECONDITION, match: /already exists/, kind: "conflict" },
  { code: S.FAILED_PRECONDITION, match: /authentication is not enabled/, kind: "invalid-request" },
  { code: S.CANCELLED, kind: "unavailable", retryable: true, maybeApplied: true },
  { code: S.UNKNOWN, kind: "rejected", maybeApplied: true },
];

const FALLBACK: Rule = { code: -1, kind: "rejected" };

function ruleFor(failure: GrpcFailure): Rule {
  return RULES.find((r) => r.code === failure.code && (!r.match || r.match.test(failure.details))) ?? FALLBACK;
}

/** Whether etcd may have applied the request that failed so. */
export function mayHaveBeenApplied(failure: GrpcFailure): boolean {
  return ruleFor(failure).maybeApplied === true;
}

/** etcd answered "invalid auth token": a renewed token and one more try will do (§9). */
export function isInvalidToken(failure: GrpcFailure): boolean {
  return failure.code === S.UNAUTHENTICATED && /invalid auth token/.test(failure.details);
}

/** The EtcdError of a failed v3 call; `grpcCode` and etcd's message (`etcdCause`) are kept. */
export function errorFromGrpc(failure: GrpcFailure, cause?: unknown): EtcdError {
  const rule = ruleFor(failure);
  const codeName = GrpcStatus[failure.code] ?? String(failure.code);
  const message = rule.text ? `${rule.text} (etcd: ${codeName} ${failure.details})` : `etcd: ${codeName} ${failure.details}`;
  return new EtcdError(rule.kind, message, {
    grpcCode: failure.code,
    etcdCause: failure.details,
    retryable: rule.retryable ?? false,
    cause,
  });
}
