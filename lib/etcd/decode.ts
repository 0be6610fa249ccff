// Turns raw etcd responses into validated values or typed EtcdErrors (etcd-v2-api.md §4).
import "server-only";
import type { z } from "zod";
import { EtcdError, V2_DISABLED_MESSAGE, fromAuthMessageError, fromMessageError, fromV2Error } from "./errors";
import type { EtcdResponse } from "./transport";
import { messageErrorSchema, v2ErrorSchema, v2ResponseSchema, type V2Response } from "./wire";

export interface KeysResult extends V2Response {
  /** X-Etcd-Index: the store index when etcd answered (for a write: the index of that write). */
  etcdIndex: number;
  /**
   * The body exactly as etcd sent it, once it has been parsed and checked: an answer can pass it on
   * instead of encoding the parsed copy again (a 10,000-children listing is 1.3 MB of JSON).
   */
  wire?: string;
  /** `node` is the root of a listing, which etcd sends without a key: its key "/" is not in `wire`. */
  rootKeyFilled?: true;
}

function tryJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error for any response that is not a success: etcd's own error shapes first, then HTTP status. */
export function errorFromResponse(res: EtcdResponse): EtcdError {
  const json = tryJson(res.body);
  const v2 = v2ErrorSchema.safeParse(json);
  if (v2.success) return fromV2Error(v2.data, res.status);
  const message = messageErrorSchema.safeParse(json);
  if (message.success) return fromMessageError(message.data.message, res.status);
  if (res.status >= 300 && res.status < 400) {
    return new EtcdError(
      "protocol",
      `etcd redirected the request (HTTP ${res.status}); the dashboard never follows redirects, so nothing was written elsewhere.`,
      { status: res.status },
    );
  }
  if (res.status === 404 && /404 page not found/i.test(res.body ?? "")) {
    return new EtcdError("v2-disabled", V2_DISABLED_MESSAGE, { status: 404 });
  }
  if (res.status === 401) return new EtcdError("unauthorized", "etcd refused the dashboard's credentials.", { status: 401 });
  const excerpt = (res.body ?? "").trim().slice(0, 200);
  return new EtcdError("protocol", `etcd answered HTTP ${res.status}${excerpt ? `: ${excerpt}` : ""}`, {
    status: res.status,
    retryable: res.status >= 500,
  });
}

/** The error for a non-success answer of the auth API: its `{"message"}` errors mapped by status. */
export function authErrorFromResponse(res: EtcdResponse): EtcdError {
  const message = messageErrorSchema.safeParse(tryJson(res.body));
  if (message.success) return fromAuthMessageError(message.data.message, res.status);
  return errorFromResponse(res);
}

/**
 * A members-API write that etcd answers 204 No Content (a removal, a change of peer URLs). Anything else
 * is not success: not another 2xx, nor a 204 without the X-Etcd-Cluster-Id that etcd sends with every
 * members answer (a 200 `{}` comes from something that is not etcd, and nothing says the change was made).
 */
export function expectMembersNoContent(res: EtcdResponse, what: string): void {
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res);
  if (res.status === 204 && isMembersAnswer(res)) return;
  throw notEtcdsAnswer(res, what);
}

/** etcd's members API sends its cluster id with every answer. */
export function isMembersAnswer(res: EtcdResponse): boolean {
  return typeof res.headers["x-etcd-cluster-id"] === "string" && res.headers["x-etcd-cluster-id"] !== "";
}

/** A 2xx that is not etcd's answer: the write may or may not have been made, so it is never a success. */
export function notEtcdsAnswer(res: EtcdResponse, what: string): EtcdError {
  return new EtcdError("protocol", `${res.endpoint} answered the ${what} with HTTP ${res.status}, which is not etcd's answer: the outcome is unknown.`, {
    status: res.status,
  }).asOutcomeUnknown();
}

/** A /v2/keys response: the action with its node and prevNode, or a thrown EtcdError. */
export function decodeKeysResponse(res: EtcdResponse): KeysResult {
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res);
  const json = tryJson(res.body);
  const parsed = v2ResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new EtcdError("protocol", "etcd sent a /v2/keys response this dashboard does not understand.", {
      status: res.status,
      cause: parsed.error,
    });
  }
  const result: KeysResult = { ...parsed.data, etcdIndex: res.etcdIndex ?? 0, wire: res.body ?? undefined };
  // Only a listing's root comes without a key; giving it one here spares every reader a `?? "/"`.
  const node = result.node as { key?: string } | undefined;
  if (node && node.key === undefined) {
    node.key = "/";
    result.rootKeyFilled = true;
  }
  return result;
}

/** A JSON response of the stats, members, version or auth endpoints, validated against `schema`. */
export function decodeJson<S extends z.ZodType>(
  res: EtcdResponse,
  schema: S,
  what: string,
  toError: (res: EtcdResponse) => EtcdError = errorFromResponse,
): z.infer<S> {
  if (res.status < 200 || res.status >= 300) throw toError(res);
  const parsed = schema.safeParse(tryJson(res.body));
  if (!parsed.success) {
    throw new EtcdError("protocol", `etcd sent a ${what} response this dashboard does not understand.`, {
      status: res.status,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
