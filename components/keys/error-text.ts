import { errorTextOf } from "@/lib/api/error-kind";
import { ApiError } from "@/lib/api/errors";
import { describeApiError, type ErrorText, type WriteAction } from "@/lib/editor/error-text";

/** Any thrown value as words for the editor: shared failures in the shared words, the rest for this action. */
export function errorText(error: unknown, action: WriteAction, key?: string): ErrorText {
  return errorTextOf(error, (body) => describeApiError(body, action, key), ["outcomeUnknown"]);
}

export function isApiError(error: unknown, code?: ApiError["code"]): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
