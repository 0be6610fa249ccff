// The shape of one etcd v2 HTTP request and its answer, and what the wire needs from it: the request
// target (path and query), the form or JSON body, HTTP basic auth, and which deadline it gets.
// A v3 (gRPC) client speaks another wire and would not use this file.
import "server-only";
import type http from "node:http";
import { EtcdError } from "./errors";
import { MAX_REQUEST_TARGET_BYTES } from "./key-path";

export type QueryValue = string | number | boolean | undefined | null;

export interface EtcdRequest {
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** Path with its key already percent-encoded, e.g. "/v2/keys/a%20b". */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as application/x-www-form-urlencoded (etcd ignores JSON or text bodies on /v2/keys). */
  form?: Record<string, string>;
  /** Sent as application/json (the members and auth APIs). */
  json?: unknown;
  /**
   * Safe to send again to another member when the outcome of the first attempt is unknown.
   * Requests that were never sent (connection refused) fail over regardless.
   */
  idempotent: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Only this endpoint (per-member calls such as /health and /v2/stats/self). */
  endpoint?: string;
  /** Long poll: once headers arrived, give up waiting for the body after this long (body is then null). */
  idleTimeoutMs?: number;
}

export interface EtcdResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, or null when a long poll went idle before any body byte arrived. */
  body: string | null;
  endpoint: string;
  /** X-Etcd-Index, when etcd sent it. */
  etcdIndex?: number;
}

/** Deadlines of one attempt, by what the request does. */
export interface Deadlines {
  readMs: number;
  /** Longer than etcd's own 7 s request timeout; quorum reads go through raft like writes. */
  writeMs: number;
}

export function isWrite(req: EtcdRequest): boolean {
  return req.method !== "GET" && req.method !== "HEAD";
}

export function deadlineFor(req: EtcdRequest, deadlines: Deadlines): number {
  return req.timeoutMs ?? (isWrite(req) || req.query?.quorum === true ? deadlines.writeMs : deadlines.readMs);
}

/** Path and query string; refused when etcd would reset the connection over its length. */
export function requestTarget(req: EtcdRequest): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value === undefined || value === null) continue;
    params.append(name, String(value));
  }
  const query = params.toString();
  const target = query ? `${req.path}?${query}` : req.path;
  const bytes = Buffer.byteLength(target);
  if (bytes > MAX_REQUEST_TARGET_BYTES) {
    throw new EtcdError(
      "invalid-request",
      `The request URL is ${bytes} bytes; etcd resets connections whose first line exceeds 4 KB. Use a shorter key or prevValue.`,
    );
  }
  return target;
}

export interface EncodedBody {
  data: string;
  contentType: string;
}

export function encodeBody(req: EtcdRequest): EncodedBody | null {
  if (req.form) return { data: new URLSearchParams(req.form).toString(), contentType: "application/x-www-form-urlencoded" };
  if (req.json !== undefined) return { data: JSON.stringify(req.json), contentType: "application/json" };
  return null;
}

/** v2 authenticates every request with HTTP basic auth (v3 uses a token instead). */
export function basicAuthHeader(auth: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}`;
}

export function requestHeaders(body: EncodedBody | null, authorization: string | undefined): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { accept: "application/json" };
  if (body) {
    headers["content-type"] = body.contentType;
    headers["content-length"] = Buffer.byteLength(body.data);
  }
  if (authorization) headers.authorization = authorization;
  return headers;
}
