// HTTP transport to one etcd cluster: a request goes to the endpoints in the pool's order and fails over
// to the next where that is safe (never a write that may have reached etcd), each attempt within its
// deadline (http-attempt.ts) over keep-alive connections (http-agents.ts). The v2 request shape is in
// v2-request.ts; what a failed attempt means is in attempt-failure.ts.
import "server-only";
import { AttemptError, failedAfterSending, noEndpointAnswered } from "./attempt-failure";
import { EndpointPool } from "./endpoint-pool";
import { EtcdError } from "./errors";
import { HttpAgents, type TlsOptions } from "./http-agents";
import { sendAttempt } from "./http-attempt";
import { LongPollLiveness } from "./long-poll-liveness";
import { MemberDiscovery } from "./member-discovery";
import {
  basicAuthHeader,
  deadlineFor,
  encodeBody,
  isWrite,
  requestHeaders,
  requestTarget,
  type Deadlines,
  type EtcdRequest,
  type EtcdResponse,
} from "./v2-request";

export type { TlsOptions } from "./http-agents";
export type { EtcdRequest, EtcdResponse, QueryValue } from "./v2-request";

export interface TransportOptions {
  endpoints: readonly string[];
  auth?: { username: string; password: string };
  tls?: TlsOptions;
  /** Deadline of one read attempt. */
  readTimeoutMs?: number;
  /** Deadline of one write attempt: longer than etcd's own 7 s request timeout. */
  writeTimeoutMs?: number;
  /**
   * Also send requests and credentials to the client URLs the members advertise (default: no, only to
   * `endpoints`; per-member probes to other URLs then go without credentials).
   */
  discoverMembers?: boolean;
  /** How long a failed endpoint is set aside before it is tried again. */
  retryFailedAfterMs?: number;
  /** Refuse responses larger than this (a recursive GET of the whole store can be tens of MB). */
  maxResponseBytes?: number;
}

export class EtcdTransport {
  readonly pool: EndpointPool;
  /** Probes endpoints with open long polls, and cuts those polls when the endpoint stops answering. */
  readonly liveness: LongPollLiveness;
  private readonly agents: HttpAgents;
  private readonly discovery: MemberDiscovery;
  private readonly authHeader?: string;
  private readonly deadlines: Deadlines;
  private readonly maxResponseBytes: number;
  /** Moves each time a request other than GET finishes (whatever its outcome): see read-coalescer.ts. */
  writeEpoch = 0;

  constructor(private readonly options: TransportOptions) {
    this.pool = new EndpointPool(options.endpoints, options.retryFailedAfterMs ?? 5_000);
    this.agents = new HttpAgents(options.tls);
    this.discovery = new MemberDiscovery(this.pool, () => this.memberClientUrls(), options.discoverMembers === true);
    if (options.auth) this.authHeader = basicAuthHeader(options.auth);
    this.deadlines = { readMs: options.readTimeoutMs ?? 5_000, writeMs: options.writeTimeoutMs ?? 10_000 };
    this.maxResponseBytes = options.maxResponseBytes ?? 256 * 1024 * 1024;
    this.liveness = new LongPollLiveness(
      async (endpoint) => {
        const res = await this.attempt(endpoint, "/version", { method: "GET", path: "/version", idempotent: true, endpoint });
        if (res.status >= 500) throw new Error(`${endpoint}: /version answered HTTP ${res.status}`);
      },
      // A quarter of the read deadline: a frozen member is left within about one deadline.
      Math.max(250, Math.round(this.deadlines.readMs / 4)),
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

  /** Learns the cluster's client URLs from /v2/members now (also done in the background). */
  discover(): Promise<void> {
    return this.discovery.discover();
  }

  close(): void {
    this.agents.destroy();
  }

  private async send(req: EtcdRequest): Promise<EtcdResponse> {
    const target = requestTarget(req);
    const endpoints = req.endpoint ? [req.endpoint] : this.pool.order();
    let lastError: AttemptError | undefined;
    for (const endpoint of endpoints) {
      try {
        const response = await this.attempt(endpoint, target, req);
        if (!req.endpoint) {
          this.pool.markSuccess(endpoint);
          this.discovery.maybeDiscover();
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
        if (error.sent && !req.idempotent) throw failedAfterSending(error, req.method, isWrite(req));
      }
    }
    throw noEndpointAnswered(lastError, isWrite(req), deadlineFor(req, this.deadlines));
  }

  private attempt(endpoint: string, target: string, req: EtcdRequest): Promise<EtcdResponse> {
    const body = encodeBody(req);
    return sendAttempt({
      endpoint,
      method: req.method,
      target,
      // Credentials only to the pool's endpoints: a member's advertised URL may be anyone's.
      headers: requestHeaders(body, this.pool.has(endpoint) ? this.authHeader : undefined),
      body: body?.data,
      agents: this.agents,
      deadlineMs: deadlineFor(req, this.deadlines),
      maxResponseBytes: this.maxResponseBytes,
      idempotent: req.idempotent,
      signal: req.signal,
      idleTimeoutMs: req.idleTimeoutMs,
      onLongPoll: (cut) => this.liveness.add(endpoint, cut),
    });
  }

  private async memberClientUrls(): Promise<string[]> {
    const res = await this.request({ method: "GET", path: "/v2/members", idempotent: true });
    if (res.status !== 200 || !res.body) return [];
    const parsed = JSON.parse(res.body) as { members?: { clientURLs?: string[] }[] | null };
    return (parsed.members ?? []).flatMap((m) => m.clientURLs ?? []);
  }
}
