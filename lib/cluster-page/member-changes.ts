// Adding and removing members in plain words: the peer URLs typed in the form, checked with the same
// schema as the route handler, and etcd's refusals as codes the dialogs word (the `errors` catalogue's
// `action`), with etcd's own message kept as the cause.
import type { ApiErrorBody } from "@/lib/api/errors";
import { addMemberBodySchema, MAX_PEER_URLS } from "@/lib/api/schemas";
import type { ErrorText } from "@/lib/editor/error-text";

/** Why the typed peer URLs cannot be sent; the add-member dialog words it. */
export type PeerURLsProblem = { code: "none" } | { code: "tooMany"; max: number } | { code: "invalid"; url: string };

export type PeerURLsInput = { ok: true; peerURLs: string[] } | { ok: false; problem: PeerURLsProblem };

/** Peer URLs separated by commas, spaces or new lines. */
export function parsePeerURLs(text: string): PeerURLsInput {
  const peerURLs = text.split(/[\s,]+/).filter(Boolean);
  const parsed = addMemberBodySchema.safeParse({ peerURLs });
  if (parsed.success) return { ok: true, peerURLs: parsed.data.peerURLs };
  const index = parsed.error.issues.map((issue) => issue.path[1]).find((at) => typeof at === "number");
  if (index !== undefined) return { ok: false, problem: { code: "invalid", url: peerURLs[index]! } };
  return { ok: false, problem: peerURLs.length === 0 ? { code: "none" } : { code: "tooMany", max: MAX_PEER_URLS } };
}

export type MemberAction = "add" | "remove";

/** A failed member change as a problem code; `member` names the member being removed. */
export function describeMemberError(body: Pick<ApiErrorBody, "code" | "message" | "etcdCode" | "issues" | "outcomeUnknown">, action: MemberAction, member?: string): ErrorText {
  const etcdCode = body.etcdCode;
  const as = (code: NonNullable<ErrorText["problem"]>["code"]): ErrorText => ({
    message: body.message,
    etcdCode,
    problem: { code, cause: body.message, ...(member === undefined ? {} : { key: member }) },
  });
  if (body.outcomeUnknown) return as("memberOutcomeUnknown");
  switch (body.code) {
    case "conflict":
      return as("peerUrlInUse");
    case "invalid_input":
      // The form checks the URLs with the route's own schema first, so this is etcd's refusal (or an API client's).
      if (body.issues?.length) return { etcdCode, message: body.issues.map((i) => i.message).join("; ") };
      return as("memberRequestRefused");
    case "member_not_found":
      return as("memberNotFound");
    case "member_removed":
      return as("memberAlreadyRemoved");
    case "etcd_unauthorized":
      return as("memberNeedsRoot");
    case "etcd_rejected":
      return as(action === "add" ? "memberAddRefused" : "memberRemoveRefused");
    default:
      return { etcdCode, message: body.message };
  }
}
