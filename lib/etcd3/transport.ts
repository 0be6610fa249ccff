// Calls to one etcd v3 cluster: each attempt on one endpoint's kept-alive channel (channels.ts) within its
// deadline, sent only once that channel is connected, so "never sent" is known for sure. Reads and other
// idempotent calls fail over to the next endpoint of the pool (lib/etcd/endpoint-pool.ts); a write is
// tried elsewhere only if it was never sent or etcd refused it before proposing it: a write cut off after
// it was sent is of unknown outcome (§3.3: a Txn is not idempotent). With the cluster's user name and
// password, every call carries the cached auth token, renewed once when etcd calls it invalid (§9).
import "server-only";
import { Metadata, status as GrpcStatus, type Client, type ClientDuplexStream, type ServiceError } from "@grpc/grpc-js";
import { EndpointPool } from "../etcd/endpoint-pool";
import { EtcdError } from "../etcd/errors";
import type { TlsOptions } from "../etcd/http-agents";
import { TokenCache } from "./auth-token";
import { Etcd3Channels, grpcTarget, lastConnectError, whenReady } from "./channels";
import { errorFromGrpc, isInvalidToken, mayHaveBeenApplied } from "./grpc-errors";
import { connectFailureReason } from "./connect-failure";
import { method, type Etcd3Service } from "./methods";

export interface Etcd3TransportOptions {
  endpoints: readonly string[];
  auth?: { username: string; password: string };
  tls?: TlsOptions;
  /** Deadline of one read attempt (default 5 s). */
  readTimeoutMs?: number;
  /** Deadline of one write attempt (default 10 s: longer than etcd's own 7 s request timeout). */
  writeTimeoutMs?: number;
  /** How long a failed endpoint is set aside before it is tried again. */
  retryFailedAfterMs?: number;
}

export interface CallOptions {
  /** Not idempotent: never sent twice (Put, DeleteRange, Txn, LeaseGrant, LeaseRevoke, Compact). */
  write?: boolean;
  /** Only this endpoint (per-member calls such as Status); no failover. */
  endpoint?: string;
  deadlineMs?: number;
  signal?: AbortSignal;
}

export interface OpenStream<Req, Res> {
  call: ClientDuplexStream<Req, Res>;
  endpoint: string;
  /** The auth token the stream was opened with (undefined without auth): see Etcd3Transport.renewToken. */
  token?: string;
}

export class Etcd3Transport {
  readonly pool: EndpointPool;
  private readonly channels: Etcd3Channels;
  private readonly tokens?: TokenCache;
  /** Deadline of one read attempt. */
  readonly readTimeoutMs: number;
  private readonly writeMs: number;

  constructor(private readonly options: Etcd3TransportOptions) {
    this.pool = new EndpointPool(options.endpoints, options.retryFailedAfterMs ?? 5_000);
    this.channels = new Etcd3Channels(options.tls);
    this.readTimeoutMs = options.readTimeoutMs ?? 5_000;
    this.writeMs = options.writeTimeoutMs ?? 10_000;
    const auth = options.auth;
    if (auth) {
      this.tokens = new TokenCache(async () => {
        const res = await this.unaryWithToken<{ token: string }>("Auth", "Authenticate", { name: auth.username, password: auth.password }, {}, undefined);
        return res.token;
      });
    }
  }

  /** The etcd user the client authenticates as, if any (never the password). */
  get username(): string | undefined {
    return this.options.auth?.username;
  }

  /** One unary call, with failover where safe and one token renewal (§9). */
  async unary<Res>(service: Etcd3Service, name: string, request: unknown, options: CallOptions = {}): Promise<Res> {
    if (!this.tokens) return this.unaryWithToken<Res>(service, name, request, options, undefined);
    const token = await this.tokens.get();
    try {
      return await this.unaryWithToken<Res>(service, name, request, options, token);
    } catch (error) {
      if (!isTokenRefusal(error)) throw error;
      // Refused before it was proposed (the token is checked first), so a write may go again too.
      return this.unaryWithToken<Res>(service, name, request, options, await this.renewToken(token));
    }
  }

  /**
   * Opens a bidi stream on the first endpoint that connects, with `hasleader` metadata (§1.3: without
   * it a stream on a member that lost its leader goes silent) and the auth token. The stream has no
   * deadline; the channel's keepalive ends it when its member freezes (§1.4).
   */
  async openStream<Req, Res>(service: Etcd3Service, name: string, options: { signal?: AbortSignal } = {}): Promise<OpenStream<Req, Res>> {
    const token = await this.tokens?.get();
    const def = method<Req, Res>(service, name);
    let lastError: EtcdError | undefined;
    for (const endpoint of this.pool.order()) {
      options.signal?.throwIfAborted();
      const client = this.channels.client(endpoint);
      const deadline = Date.now() + this.readTimeoutMs;
      const ready = await whenReady(client.getChannel(), deadline);
      if (ready !== "ready") {
        lastError = await notConnected(client, endpoint, ready, deadline);
        this.pool.markFailure(endpoint, lastError.message);
        continue;
      }
      const metadata = this.metadata(token);
      metadata.set("hasleader", "true");
      const call = client.makeBidiStreamRequest(def.path, def.requestSerialize, def.responseDeserialize, metadata, {});
      this.pool.markSuccess(endpoint);
      return { call, endpoint, token };
    }
    throw noEndpoint(lastError);
  }

  /**
   * Replaces a token etcd refused ("invalid auth token"), once for every caller that saw it refused, and
   * returns the new one. Streams reopen with it (a watch create refused with Unauthenticated, §9).
   */
  async renewToken(stale: string | undefined): Promise<string | undefined> {
    if (!this.tokens) return undefined;
    if (stale !== undefined) await this.tokens.invalidate(stale);
    return this.tokens.get();
  }

  /** Closes every channel (and so every call and stream on them). */
  close(): void {
    this.channels.close();
  }

  private metadata(token: string | undefined): Metadata {
    const metadata = new Metadata();
    if (token !== undefined) metadata.set("token", token);
    return metadata;
  }

  private async unaryWithToken<Res>(service: Etcd3Service, name: string, request: unknown, options: CallOptions, token: string | undefined): Promise<Res> {
    const deadlineMs = options.deadlineMs ?? (options.write ? this.writeMs : this.readTimeoutMs);
    const endpoints = options.endpoint ? [options.endpoint] : this.pool.order();
    let lastError: EtcdError | undefined;
    for (const endpoint of endpoints) {
      options.signal?.throwIfAborted();
      const client = this.channels.client(endpoint);
      const deadline = Date.now() + deadlineMs;
      const ready = await whenReady(client.getChannel(), deadline);
      if (ready !== "ready") {
        lastError = await notConnected(client, endpoint, ready, deadline);
        if (!options.endpoint) this.pool.markFailure(endpoint, lastError.message);
        continue;
      }
      try {
        const response = await callUnary<Res>(client, service, name, request, this.metadata(token), deadline, options.signal);
        if (!options.endpoint) this.pool.markSuccess(endpoint);
        return response;
      } catch (thrown) {
        if (options.signal?.aborted) throw options.signal.reason;
        const failure = { code: (thrown as ServiceError).code ?? GrpcStatus.UNKNOWN, details: (thrown as ServiceError).details ?? String(thrown) };
        const error = errorFromGrpc(failure, thrown);
        // etcd answered: another member would answer the same.
        if (!error.retryable) throw error;
        if (!options.endpoint) this.pool.markFailure(endpoint, `${endpoint}: ${error.message}`);
        if (options.write && mayHaveBeenApplied(failure)) throw error.asOutcomeUnknown();
        lastError = error;
      }
    }
    throw noEndpoint(lastError);
  }
}

function callUnary<Res>(client: Client, service: Etcd3Service, name: string, request: unknown, metadata: Metadata, deadline: number, signal?: AbortSignal): Promise<Res> {
  const def = method<unknown, Res>(service, name);
  return new Promise((resolve, reject) => {
    const call = client.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, request, metadata, { deadline }, (error, response) => {
      signal?.removeEventListener("abort", cancel);
      if (error) reject(error);
      else resolve(response as Res);
    });
    const cancel = () => call.cancel();
    signal?.addEventListener("abort", cancel, { once: true });
  });
}

/** etcd refused the call's auth token as invalid (renew it and try once more). */
export function isTokenRefusal(error: unknown): boolean {
  return error instanceof EtcdError && error.grpcCode !== undefined && isInvalidToken({ code: error.grpcCode, details: error.etcdCause ?? "" });
}

/** The error of an endpoint whose channel did not connect; over TLS it names TLS and why (§1.5). */
async function notConnected(client: Client, endpoint: string, readiness: "down" | "timeout", deadline: number): Promise<EtcdError> {
  if (readiness === "timeout") return new EtcdError("timeout", `${endpoint}: no connection within the deadline.`, { retryable: true });
  if (!grpcTarget(endpoint).tls) return new EtcdError("unavailable", `${endpoint}: cannot connect.`, { retryable: true });
  const { tls, reason } = connectFailureReason(await lastConnectError(client, deadline));
  const message = tls ? `${endpoint}: cannot connect over TLS: ${reason}. Check the CA, the client certificate and its key.` : `${endpoint}: cannot connect (${reason}).`;
  return new EtcdError("unavailable", message, { retryable: true });
}

/** Every endpoint was tried; none answered. Never sent means never applied: not of unknown outcome. */
function noEndpoint(lastError: EtcdError | undefined): EtcdError {
  const detail = lastError ? ` Last failure: ${lastError.message}` : "";
  const kind = lastError?.kind === "no-leader" || lastError?.kind === "timeout" || lastError?.kind === "raft-error" ? lastError.kind : "unavailable";
  const lead = kind === "unavailable" ? "etcd cannot be reached: no endpoint of this cluster answered." : "No endpoint of this cluster could serve the request.";
  return new EtcdError(kind, `${lead}${detail}`, { retryable: true, grpcCode: lastError?.grpcCode, etcdCause: lastError?.etcdCause, cause: lastError });
}
