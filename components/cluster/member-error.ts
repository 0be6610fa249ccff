import { errorTextOf } from "@/lib/api/error-kind";
import { describeMemberError, type MemberAction } from "@/lib/cluster-page/member-changes";
import type { ErrorText } from "@/lib/editor/error-text";

/** Any thrown value of a member change as words: shared failures in the shared words, etcd's refusals explained. */
export function memberErrorText(error: unknown, action: MemberAction, member?: string): ErrorText {
  return errorTextOf(error, (body) => describeMemberError(body, action, member), ["outcomeUnknown", "etcdUnauthorized", "invalidInput", "etcdRejected"]);
}
