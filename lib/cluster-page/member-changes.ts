// Adding and removing members in plain words: the peer URLs typed in the form, checked with the same
// schema as the route handler, and etcd's refusals explained without hiding etcd's own message.
import type { ApiErrorBody } from "@/lib/api/errors";
import { addMemberBodySchema } from "@/lib/api/schemas";
import type { ErrorText } from "@/lib/editor/error-text";

export type PeerURLsInput = { ok: true; peerURLs: string[] } | { ok: false; message: string };

/** Peer URLs separated by commas, spaces or new lines. */
export function parsePeerURLs(text: string): PeerURLsInput {
  const peerURLs = text.split(/[\s,]+/).filter(Boolean);
  const parsed = addMemberBodySchema.safeParse({ peerURLs });
  if (parsed.success) return { ok: true, peerURLs: parsed.data.peerURLs };
  const issue = parsed.error.issues[0]!;
  const which = typeof issue.path[1] === "number" ? `${peerURLs[issue.path[1]]}: ` : "";
  return { ok: false, message: `${which}${issue.message}` };
}

export type MemberAction = "add" | "remove";

/** Plain words for a failed member change; `member` names the member being removed. */
export function describeMemberError(body: Pick<ApiErrorBody, "code" | "message" | "etcdCode" | "issues" | "outcomeUnknown">, action: MemberAction, member?: string): ErrorText {
  const etcdCode = body.etcdCode;
  const subject = member ?? "The member";
  if (body.outcomeUnknown) {
    return { etcdCode, message: `No answer in time: etcd may or may not have made the change (${body.message}). The members list shows what it did.` };
  }
  switch (body.code) {
    case "conflict":
      return { etcdCode, message: `etcd refused: ${body.message}. Another member already uses that peer URL.` };
    case "invalid_input":
      if (body.issues?.length) return { etcdCode, message: body.issues.map((i) => i.message).join("; ") };
      return { etcdCode, message: `etcd refused the request: ${body.message}` };
    case "member_not_found":
      return { etcdCode, message: `${subject} is not in the cluster (any more): ${body.message}` };
    case "member_removed":
      return { etcdCode, message: `${subject} was already removed: ${body.message}` };
    case "etcd_unauthorized":
      return { etcdCode, message: `etcd refused the dashboard's credentials; membership changes need etcd's root role. (${body.message})` };
    case "etcd_rejected":
      return { etcdCode, message: `etcd refused to ${action} the member: ${body.message}` };
    default:
      return { etcdCode, message: body.message };
  }
}
