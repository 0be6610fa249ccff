import { ApiError } from "@/lib/api/errors";
import { describeMemberError, type MemberAction } from "@/lib/cluster-page/member-changes";
import type { ErrorText } from "@/lib/editor/error-text";

/** Any thrown value of a member change as plain words. */
export function memberErrorText(error: unknown, action: MemberAction, member?: string): ErrorText {
  if (error instanceof ApiError) return describeMemberError(error.body, action, member);
  return { message: error instanceof Error ? error.message : String(error) };
}
