// API errors in plain words for the key editor. Components branch on the error code, never on text;
// etcd's own errorCode stays available for the small "etcd error N" note.
import type { ErrorKind } from "@/lib/api/error-kind";
import type { ApiErrorBody } from "@/lib/api/errors";

export type WriteAction = "save" | "create" | "mkdir" | "delete" | "refresh" | "cas" | "queue" | "load";

/**
 * What went wrong with what the user tried, as a code: the component words it in the page's language (the
 * `errors` catalogue's `action`, components/errors/use-error-text.ts). `key` is the key (or member) it concerns, when known.
 */
export type ActionProblem =
  | "outcomeUnknownReloaded"
  | "exists"
  | "changedNotDeleted"
  | "compareFailed"
  | "changed"
  | "goneNothingWritten"
  | "notFound"
  | "isDirectory"
  | "isKey"
  | "notEmpty"
  | "rootReadOnly"
  // Adding or removing a member (lib/cluster-page/member-changes.ts): `key` is then the member's name.
  | "memberOutcomeUnknown"
  | "peerUrlInUse"
  | "memberRequestRefused"
  | "memberNotFound"
  | "memberAlreadyRemoved"
  | "memberNeedsRoot"
  | "memberAddRefused"
  | "memberRemoveRefused";

export interface ErrorText {
  /** The server's (English) message or the thrown error's: shown only when there is no code to word. */
  message: string;
  etcdCode?: number;
  /** A failure with the same words everywhere (the `errors` catalogue); `message` is then only its detail. */
  kind?: ErrorKind;
  /** A failure worded for the action the user tried; `message` is then not shown. */
  problem?: { code: ActionProblem; key?: string; cause?: string };
}

/** An API error body as an action problem (or its own message), in the context of what the user tried to do. */
export function describeApiError(body: Pick<ApiErrorBody, "code" | "message" | "etcdCode" | "cause" | "outcomeUnknown">, action: WriteAction, key?: string): ErrorText {
  const etcdCode = body.etcdCode;
  const as = (code: ActionProblem, cause?: string): ErrorText => ({
    message: body.message,
    etcdCode,
    problem: { code, ...(key === undefined ? {} : { key }), ...(cause ? { cause } : {}) },
  });
  if (body.outcomeUnknown) return as("outcomeUnknownReloaded");
  switch (body.code) {
    case "key_exists":
      return as("exists");
    case "compare_failed":
      if (action === "delete") return as("changedNotDeleted");
      if (action === "cas") return as("compareFailed", body.cause);
      return as("changed");
    case "key_not_found":
      return as(action === "cas" || action === "refresh" || action === "save" ? "goneNothingWritten" : "notFound");
    case "not_a_file":
      return as("isDirectory");
    case "not_a_directory":
      return as("isKey");
    case "directory_not_empty":
      return as("notEmpty");
    case "root_read_only":
      return as("rootReadOnly");
    default:
      return { etcdCode, message: body.message };
  }
}
