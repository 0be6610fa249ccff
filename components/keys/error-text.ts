import { ApiError } from "@/lib/api/errors";
import { describeApiError, type ErrorText, type WriteAction } from "@/lib/editor/error-text";

/** Any thrown value as plain words for the editor. */
export function errorText(error: unknown, action: WriteAction, key?: string): ErrorText {
  if (error instanceof ApiError) return describeApiError(error.body, action, key);
  return { message: error instanceof Error ? error.message : String(error) };
}

export function isApiError(error: unknown, code?: ApiError["code"]): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
