// A short way past Next.js for the hottest route: key reads. Next.js spends about 0.6 ms routing each
// request before a route handler runs, more than etcd needs to answer; scripts/server.mjs asks this
// module first and hands anything it doesn't take to Next.js. It takes only a plain, canonical
// `GET /api/clusters/{cluster}/keys/{key…}` and runs the same steps as the route file (session check,
// the same keyRead, the same error envelope) on Node's own request and response: no Web Request or
// Response to build, which is a good part of what is left. Tested against Next.js's answers in
// e2e/api/fast-path.spec.ts.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeCookie } from "@/lib/dashboard-auth/access";
import { NO_STORE, errorAnswer } from "./error-response";
import { keyRead } from "./key-read";

const PREFIX = "/api/clusters/";

export interface FastRoute {
  params: { cluster: string; key: string[] };
}

/**
 * The route parameters, as Next.js would decode them, when the request is one the fast path takes;
 * undefined for anything else (trailing slash, "." or "..", an encoded "/", a method other than GET).
 */
export function matchKeyRead(method: string | undefined, url: string | undefined): FastRoute | undefined {
  if (method !== "GET" || !url || !url.startsWith(PREFIX)) return undefined;
  const query = url.indexOf("?");
  const path = query < 0 ? url : url.slice(0, query);
  if (path.includes("#")) return undefined;
  const segments = path.slice(PREFIX.length).split("/");
  if (segments.length < 2 || segments[1] !== "keys") return undefined;
  const decoded: string[] = [];
  for (const [i, raw] of segments.entries()) {
    if (i === 1) continue;
    if (raw === "" || /%2f|%5c/i.test(raw)) return undefined;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === "." || segment === "..") return undefined;
    decoded.push(segment);
  }
  const [cluster, ...key] = decoded;
  return cluster === undefined ? undefined : { params: { cluster, key } };
}

/**
 * Serves the request and returns true when it is a key read; false leaves it to Next.js. A GET that
 * carries a body goes to Next.js too (scripts/server.mjs guards what is left unread there).
 */
export function serveFast(req: IncomingMessage, res: ServerResponse, securityHeaders: Readonly<Record<string, string>>): boolean {
  const route = matchKeyRead(req.method, req.url);
  if (!route || hasBody(req)) return false;
  void answer(req, res, route, securityHeaders);
  return true;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

async function answer(req: IncomingMessage, res: ServerResponse, route: FastRoute, securityHeaders: Readonly<Record<string, string>>): Promise<void> {
  const abort = new AbortController();
  // Only a browser that goes away before the answer cancels the etcd read (an abort builds a DOMException).
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  let status = 200;
  let headers: Record<string, string> = NO_STORE;
  let body: string;
  try {
    authorizeCookie(req.headers.cookie, "viewer");
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const search = new URLSearchParams(query < 0 ? "" : url.slice(query + 1));
    body = await keyRead({ params: route.params, search, signal: abort.signal });
  } catch (error) {
    const answer = errorAnswer(error);
    ({ status, headers } = answer);
    body = JSON.stringify(answer.body);
  }
  if (res.destroyed) return;
  res.writeHead(status, { ...securityHeaders, ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
