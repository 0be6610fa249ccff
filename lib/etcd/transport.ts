// HTTP transport to one etcd cluster: keep-alive agents (a fresh `fetch` per call doubles the overhead),
// a deadline on every call, failover across endpoints, and nothing ever followed on a redirect.
import http from "node:http";
import https from "node:https";
import { EndpointPool } from "./endpoint-pool";
import { LongPollLiveness } from "./long-poll-liveness";
import { EtcdError } from "./errors";
import { MAX_REQUEST_TARGET_BYTES } from "./key-path";

export interface TlsOptions {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface TransportOptions {
  endpoints: readonly string[];
  auth?: { username: string; password: string };
  tls?: TlsOptions;
  /** Deadline of one read attempt. */
  readTimeoutMs?: number;
  /** Deadline of one write attempt: longer than etcd's own 7 s request timeout. */
  writeTimeoutMs?: number;
  /** Learn more endpoints from /v2/members. */
  discoverMembers?: boolean;
  /** How long a failed endpoint is set aside before it is tried again. */
  retryFailedAfterMs?: number;
  /** Refuse responses larger than this (a recursive GET of the whole store can be tens of MB). */
  maxResponseBytes?: number;
}

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

/** Why an attempt failed, and whether the request may have reached etcd. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly sent: boolean,
    readonly code: "refused" | "reset" | "timeout" | "too-large" | "aborted",
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);
/**
 * A certificate refused by either side fails the TLS handshake, so etcd never saw the request: OpenSSL's
 * verification result (UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED …), Node's host name check, or
 * the alert etcd sent about our client certificate (ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE …).
 */
const TLS_HANDSHAKE_REFUSED =
  /^(UNABLE_TO_\w+|\w*SELF_SIGNED_CERT\w*|CERT_\w+|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_WRONG_VERSION_NUMBER|ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_(BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_\w+|UNKNOWN_CA|HANDSHAKE_FAILURE|PROTOCOL_VERSION))$/;

export class EtcdTransport {
  readonly pool: EndpointPool;
  /** Probes endpoints with open long polls, and cuts those polls when the endpoint stops answering. */
  readonly liveness: LongPollLiveness;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly authHeader?: string;
  private readonly readTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly maxResponseBytes: number;
  private lastDiscovery = 0;
  private discovering: Promise<void> | null = null;
  /** Moves each time a request other than GET finishes (whatever its outcome): see read-coalescer.ts. */
  writeEpoch = 0;

  constructor(private readonly options: TransportOptions) {
    this.pool = new EndpointPool(options.endpoints, options.retryFailedAfterMs ?? 5_000);
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 10_000 });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: 128,
      ca: options.tls?.ca,
      cert: options.tls?.cert,
      key: options.tls?.key,
    });
    if (options.auth) {
      const token = Buffer.from(`${options.auth.username}:${options.auth.password}`, "utf8").toString("base64");
      this.authHeader = `Basic ${token}`;
    }
    this.readTimeoutMs = options.readTimeoutMs ?? 5_000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 256 * 1024 * 1024;
    this.liveness = new LongPollLiveness(
      async (endpoint) => {
        const res = await this.attempt(endpoint, "/version", { method: "GET", path: "/version", idempotent: true, endpoint });
        if (res.status >= 500) throw new Error(`${endpoint}: /version answered HTTP ${res.status}`);
      },
      // A quarter of the read deadline: a frozen member is left within about one deadline.
      Math.max(250, Math.round(this.readTimeoutMs / 4)),
      (endpoint, error) => this.pool.markFailure(endpoint, error instanceof Error ? error.message : String(error)),
    );
  }

  /** The etcd user the client authenticates as, if any (never the password). */
  get username(): string | undefined {
    return this.options.auth?.username;
  }

  /** Sends one request, failing over to other endpoints where that is safe. */
  async request(req: EtcdRequest): Promise<EtcdResponse> {
    if (req.method === "GET") return this.send(req);
    try {
      return await this.send(req);
    } finally {
      this.writeEpoch += 1;
    }
  }

  private async send(req: EtcdRequest): Promise<EtcdResponse> {
    const target = buildTarget(req);
    if (Buffer.byteLength(target) > MAX_REQUEST_TARGET_BYTES) {
      throw new EtcdError(
        "invalid-request",
        `The request URL is ${Buffer.byteLength(target)} bytes; etcd resets connections whose first line exceeds 4 KB. Use a shorter key or prevValue.`,
      );
    }
    const endpoints = req.endpoint ? [req.endpoint] : this.pool.order();
    let lastError: AttemptError | undefined;
    for (const endpoint of endpoints) {
      try {
        const response = await this.attempt(endpoint, target, req);
        if (!req.endpoint) {
          this.pool.markSuccess(endpoint);
          this.maybeDiscover();
        }
        return response;
      } catch (error) {
        if (!(error instanceof AttemptError)) throw error;
        if (error.code === "aborted") throw req.signal?.reason ?? error;
        if (error.code === "too-large") throw new EtcdError("protocol", error.message);
        lastError = error;
        if (!req.endpoint) this.pool.markFailure(endpoint, error.message);
        // Whatever failed here, long polls waiting on the same endpoint would wait in vain too.
        if (error.code !== "refused") this.liveness.cut(endpoint);
        if (error.sent && !req.idempotent) {
          throw outcomeError(error, req);
        }
      }
    }
    throw this.allFailed(lastError, req);
  }

  /** Learns the cluster's client URLs from /v2/members now (also done in the background). */
  async discover(): Promise<void> {
    if (this.discovering) return this.discovering;
    this.lastDiscovery = Date.now();
    this.discovering = (async () => {
      try {
        const res = await this.request({ method: "GET", path: "/v2/members", idempotent: true });
        if (res.status !== 200 || !res.body) return;
        const parsed = JSON.parse(res.body) as { members?: { clientURLs?: string[] }[] | null };
        this.pool.learn((parsed.members ?? []).flatMap((m) => m.clientURLs ?? []));
      } catch {
        // Discovery is best effort: the configured endpoints still work.
      } finally {
        this.discovering = null;
      }
    })();
    return this.discovering;
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private maybeDiscover(): void {
    if (this.options.discoverMembers === false) return;
    if (Date.now() - this.lastDiscovery < 30_000) return;
    void this.discover();
  }

  private allFailed(lastError: AttemptError | undefined, req: EtcdRequest): EtcdError {
    if (lastError?.code === "timeout") {
      return new EtcdError(
        "timeout",
        `etcd did not answer in time (${timeoutFor(req, this.readTimeoutMs, this.writeTimeoutMs)} ms).`,
        { retryable: true, outcomeUnknown: isWrite(req) && lastError.sent, cause: lastError },
      );
    }
    const detail = lastError ? ` Last failure: ${lastError.message}.` : "";
    const cause = lastError?.cause as NodeJS.ErrnoException | undefined;
    const tlsHint = TLS_HANDSHAKE_REFUSED.test(cause?.code ?? "")
      ? " The TLS handshake failed: check the cluster's CA file and client certificate."
      : "";
    const err = new EtcdError("unavailable", `etcd cannot be reached: no endpoint of this cluster answered.${detail}${tlsHint}`, {
      retryable: true,
      cause: lastError,
      outcomeUnknown: isWrite(req) && lastError?.sent === true,
    });
    return err;
  }

  private attempt(endpoint: string, target: string, req: EtcdRequest, retriedStale = false): Promise<EtcdResponse> {
    const url = new URL(endpoint);
    const isHttps = url.protocol === "https:";
    const body = encodeBody(req);
    const headers: http.OutgoingHttpHeaders = { accept: "application/json" };
    if (body) {
      headers["content-type"] = body.contentType;
      headers["content-length"] = Buffer.byteLength(body.data);
    }
    if (this.authHeader) headers.authorization = this.authHeader;
    const timeoutMs = timeoutFor(req, this.readTimeoutMs, this.writeTimeoutMs);
    const maxBytes = this.maxResponseBytes;

    return new Promise<EtcdResponse>((resolve, reject) => {
      if (req.signal?.aborted) return reject(new AttemptError("aborted", false, "aborted"));
      let settled = false;
      let gotResponse = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.signal?.removeEventListener("abort", onAbort);
        fn();
      };
      const arm = (ms: number, onFire: () => void) => {
        clearTimeout(timer);
        timer = setTimeout(onFire, ms);
      };

      const request = (isHttps ? https : http).request({
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || (isHttps ? 443 : 80),
        method: req.method,
        path: (url.pathname === "/" ? "" : url.pathname) + target,
        headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
      });

      const onAbort = () => {
        request.destroy();
        finish(() => reject(new AttemptError("aborted", true, "aborted")));
      };
      req.signal?.addEventListener("abort", onAbort, { once: true });

      arm(timeoutMs, () => {
        request.destroy();
        finish(() => reject(new AttemptError(`no answer from ${endpoint} within ${timeoutMs} ms`, true, "timeout")));
      });

      request.on("error", (error: NodeJS.ErrnoException) => {
        // A reset on a reused keep-alive socket is usually one the server had already closed, so the request
        // never reached etcd: send it again. But a member that crashed mid-request resets it the same way
        // after applying it, so only a request that is safe to repeat is sent again; a write is reported
        // as of unknown outcome (a compare-and-swap sent twice would fail while it was applied).
        if (!gotResponse && request.reusedSocket && error.code === "ECONNRESET" && !retriedStale && req.idempotent) {
          finish(() => resolve(this.attempt(endpoint, target, req, true)));
          return;
        }
        const sent = !NOT_SENT_CODES.has(error.code ?? "") && !TLS_HANDSHAKE_REFUSED.test(error.code ?? "");
        finish(() =>
          reject(new AttemptError(`${endpoint}: ${error.code ?? error.message}`, sent, sent ? "reset" : "refused", error)),
        );
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
        if (req.idleTimeoutMs !== undefined) {
          const unregister = this.liveness.add(endpoint, () => {
            request.destroy();
            finish(() => reject(new AttemptError(`${endpoint} stopped answering while a watch waited on it`, true, "reset")));
          });
          res.once("close", unregister);
          arm(req.idleTimeoutMs, () => {
            if (size > 0) {
              request.destroy();
              finish(() => reject(new AttemptError(`${endpoint}: long poll stalled mid-body`, true, "reset")));
            } else {
              request.destroy();
              respond(null);
            }
          });
        }
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy();
            finish(() => reject(new AttemptError(`etcd's response is larger than ${maxBytes} bytes`, true, "too-large")));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => respond(Buffer.concat(chunks).toString("utf8")));
        res.on("aborted", () =>
          finish(() => reject(new AttemptError(`${endpoint}: connection closed mid-response`, true, "reset"))),
        );
        res.on("error", (error) =>
          finish(() => reject(new AttemptError(`${endpoint}: ${error.message}`, true, "reset", error))),
        );
      });

      if (body) request.end(body.data);
      else request.end();
    });
  }
}

function isWrite(req: EtcdRequest): boolean {
  return req.method !== "GET" && req.method !== "HEAD";
}

function timeoutFor(req: EtcdRequest, readMs: number, writeMs: number): number {
  return req.timeoutMs ?? (isWrite(req) || req.query?.quorum === true ? writeMs : readMs);
}

function outcomeError(error: AttemptError, req: EtcdRequest): EtcdError {
  const kind = error.code === "timeout" ? "timeout" : "unavailable";
  const what = error.code === "timeout" ? "etcd did not answer in time" : "the connection to etcd broke";
  const failure = new EtcdError(kind, `${what} after the ${req.method} was sent.`, { retryable: true, cause: error });
  return isWrite(req) ? failure.asOutcomeUnknown() : failure;
}

function buildTarget(req: EtcdRequest): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value === undefined || value === null) continue;
    params.append(name, String(value));
  }
  const query = params.toString();
  return query ? `${req.path}?${query}` : req.path;
}

function encodeBody(req: EtcdRequest): { data: string; contentType: string } | null {
  if (req.form) return { data: new URLSearchParams(req.form).toString(), contentType: "application/x-www-form-urlencoded" };
  if (req.json !== undefined) return { data: JSON.stringify(req.json), contentType: "application/json" };
  return null;
}
