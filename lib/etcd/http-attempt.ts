// One HTTP request to one endpoint, within its deadline: aborted with the caller's signal, refused past a
// size cap, never following a redirect, and (for a long poll) answered with no body once it goes idle or
// cut when the endpoint stops answering probes. Failures are AttemptErrors that say whether the request
// may have reached etcd; choosing the endpoint and failing over is the transport's job.
import "server-only";
import http from "node:http";
import https from "node:https";
import { AttemptError, socketFailure } from "./attempt-failure";
import type { HttpAgents } from "./http-agents";
import type { EtcdResponse } from "./v2-request";

export interface HttpAttempt {
  endpoint: string;
  method: string;
  /** Path and query, appended to the endpoint's own path. */
  target: string;
  headers: http.OutgoingHttpHeaders;
  body?: string;
  agents: HttpAgents;
  deadlineMs: number;
  maxResponseBytes: number;
  /** Safe to send again when a reused keep-alive socket turns out to be closed. */
  idempotent: boolean;
  signal?: AbortSignal;
  /** Long poll: once headers arrived, give up waiting for the body after this long (body is then null). */
  idleTimeoutMs?: number;
  /** Registers a long poll to be cut when its endpoint stops answering; returns the unregister. */
  onLongPoll?: (cut: () => void) => () => void;
}

export function sendAttempt(attempt: HttpAttempt, retriedStale = false): Promise<EtcdResponse> {
  const { endpoint, signal, deadlineMs, maxResponseBytes } = attempt;
  const url = new URL(endpoint);
  const isHttps = url.protocol === "https:";

  return new Promise<EtcdResponse>((resolve, reject) => {
    if (signal?.aborted) return reject(new AttemptError("aborted", false, "aborted"));
    let settled = false;
    let gotResponse = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const arm = (ms: number, onFire: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onFire, ms);
    };
    const fail = (error: AttemptError) => {
      request.destroy();
      finish(() => reject(error));
    };

    const request = (isHttps ? https : http).request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || (isHttps ? 443 : 80),
      method: attempt.method,
      path: (url.pathname === "/" ? "" : url.pathname) + attempt.target,
      headers: attempt.headers,
      // A long poll never takes a socket an ordinary request could use (http-agents.ts).
      agent: attempt.agents.for(url, attempt.idleTimeoutMs !== undefined),
    });

    const onAbort = () => fail(new AttemptError("aborted", true, "aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });

    arm(deadlineMs, () => fail(new AttemptError(`no answer from ${endpoint} within ${deadlineMs} ms`, true, "timeout")));

    request.on("error", (error: NodeJS.ErrnoException) => {
      // A reset on a reused keep-alive socket is usually one the server had already closed, so the request
      // never reached etcd: send it again. But a member that crashed mid-request resets it the same way
      // after applying it, so only a request that is safe to repeat is sent again; a write is reported
      // as of unknown outcome (a compare-and-swap sent twice would fail while it was applied).
      if (!gotResponse && request.reusedSocket && error.code === "ECONNRESET" && !retriedStale && attempt.idempotent) {
        finish(() => resolve(sendAttempt(attempt, true)));
        return;
      }
      finish(() => reject(socketFailure(endpoint, error)));
    });

    request.on("response", (res) => {
      gotResponse = true;
      const status = res.statusCode ?? 0;
      const etcdIndexHeader = res.headers["x-etcd-index"];
      const etcdIndex = typeof etcdIndexHeader === "string" ? Number(etcdIndexHeader) : undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      const respond = (bodyText: string | null) =>
        finish(() =>
          resolve({
            status,
            headers: res.headers,
            body: bodyText,
            endpoint,
            etcdIndex: Number.isFinite(etcdIndex) ? etcdIndex : undefined,
          }),
        );
      if (attempt.idleTimeoutMs !== undefined) {
        const unregister = attempt.onLongPoll?.(() => fail(new AttemptError(`${endpoint} stopped answering while a watch waited on it`, true, "reset")));
        if (unregister) res.once("close", unregister);
        arm(attempt.idleTimeoutMs, () => {
          if (size > 0) {
            fail(new AttemptError(`${endpoint}: long poll stalled mid-body`, true, "reset"));
          } else {
            request.destroy();
            respond(null);
          }
        });
      }
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) {
          fail(new AttemptError(`etcd's response is larger than ${maxResponseBytes} bytes`, true, "too-large"));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => respond(Buffer.concat(chunks).toString("utf8")));
      res.on("aborted", () => finish(() => reject(new AttemptError(`${endpoint}: connection closed mid-response`, true, "reset"))));
      res.on("error", (error) => finish(() => reject(new AttemptError(`${endpoint}: ${error.message}`, true, "reset", error))));
    });

    if (attempt.body !== undefined) request.end(attempt.body);
    else request.end();
  });
}
