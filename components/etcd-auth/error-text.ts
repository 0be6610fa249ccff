import { errorTextOf } from "@/lib/api/error-kind";
import type { ErrorText } from "@/lib/editor/error-text";

/**
 * Any thrown value of an auth change as words: shared failures in the shared words; etcd's refusals as the API
 * words them. `checkLists` follows a change that may or may not have been applied.
 */
export function authErrorText(error: unknown, checkLists: string): ErrorText {
  return errorTextOf(
    error,
    (body) => (body.outcomeUnknown ? { message: `${body.message} ${checkLists}` } : { message: body.message, etcdCode: body.etcdCode }),
    ["outcomeUnknown", "etcdRejected", "invalidInput", "etcdUnauthorized"],
  );
}
