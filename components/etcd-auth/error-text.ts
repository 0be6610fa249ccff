import { ApiError } from "@/lib/api/errors";
import type { ErrorText } from "@/lib/editor/error-text";

/**
 * Any thrown value of an auth change as plain words (the API's messages already say what etcd refused);
 * `checkLists` follows a change that may or may not have been applied.
 */
export function authErrorText(error: unknown, checkLists: string): ErrorText {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error) };
  if (error.outcomeUnknown) return { message: `${error.message} ${checkLists}` };
  return { message: error.message, etcdCode: error.body.etcdCode };
}
