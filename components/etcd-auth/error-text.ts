import { errorTextOf } from "@/lib/api/error-kind";
import type { ErrorText } from "@/lib/editor/error-text";

/** Any thrown value of an auth change as words: shared failures in the shared words; etcd's refusals as the API words them. */
export function authErrorText(error: unknown): ErrorText {
  return errorTextOf(
    error,
    (body) => (body.outcomeUnknown ? { message: `${body.message} Check the lists below before trying again.` } : { message: body.message, etcdCode: body.etcdCode }),
    ["outcomeUnknown", "etcdRejected", "invalidInput", "etcdUnauthorized"],
  );
}
