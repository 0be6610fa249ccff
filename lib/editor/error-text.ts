// API errors in plain words for the key editor. Components branch on the error code, never on text;
// etcd's own errorCode stays available for the small "etcd error N" note.
import type { ErrorKind } from "@/lib/api/error-kind";
import type { ApiErrorBody } from "@/lib/api/errors";

export type WriteAction = "save" | "create" | "mkdir" | "delete" | "refresh" | "cas" | "queue" | "load";

export interface ErrorText {
  message: string;
  etcdCode?: number;
  /** A failure with the same words everywhere (the `errors` catalogue); `message` is then only its detail. */
  kind?: ErrorKind;
}

/** Plain words for an API error body, in the context of what the user tried to do. */
export function describeApiError(body: Pick<ApiErrorBody, "code" | "message" | "etcdCode" | "cause" | "outcomeUnknown">, action: WriteAction, key?: string): ErrorText {
  const etcdCode = body.etcdCode;
  const subject = key ?? "The key";
  if (body.outcomeUnknown) {
    return { etcdCode, message: "The outcome is unknown: etcd may or may not have applied this change. Reloaded to show what is stored now." };
  }
  switch (body.code) {
    case "key_exists":
      return { etcdCode, message: `${subject} already exists.` };
    case "compare_failed":
      if (action === "delete") return { etcdCode, message: `${subject} changed since you loaded it, so it was not deleted. Reload to see the current value.` };
      if (action === "cas") return { etcdCode, message: `Compare failed: the stored key does not match${body.cause ? ` (${body.cause})` : ""}. Nothing was written.` };
      return { etcdCode, message: `${subject} changed since you loaded it. Nothing was written.` };
    case "key_not_found":
      if (action === "cas" || action === "refresh" || action === "save") return { etcdCode, message: `${subject} does not exist (any more). Nothing was written.` };
      return { etcdCode, message: `${subject} does not exist.` };
    case "not_a_file":
      return { etcdCode, message: `${subject} is a directory, not a key.` };
    case "not_a_directory":
      return { etcdCode, message: `${subject} is a key, not a directory.` };
    case "directory_not_empty":
      return { etcdCode, message: `${subject} is not empty.` };
    case "root_read_only":
      return { etcdCode, message: "The root directory cannot be changed." };
    default:
      return { etcdCode, message: body.message };
  }
}
