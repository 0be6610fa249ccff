// One gRPC channel per etcd endpoint, kept alive (etcd-v3-api.md §1.2, §1.4): every service of the client
// shares it. Keepalive pings every 10 s with a 5 s timeout while a call or stream is open, so a frozen
// member (SIGSTOP) ends a watch within ~15 s instead of leaving it silent; never more often than every 5 s,
// or etcd (--grpc-keepalive-min-time) closes the connection. No pings on an idle channel: etcd does not
// permit them without a stream and would send GOAWAY.
import "server-only";
import { Client, connectivityState, credentials, Metadata, type ChannelCredentials } from "@grpc/grpc-js";
import type { TlsOptions } from "../etcd/http-agents";
import { method } from "./methods";

/**
 * §0.3: grpc-js refuses answers over 4 MiB by default, and a 100k-key range with values is ~5 MB (on a
 * watch stream a too-large message kills every watch on it). 256 MiB is the v2 client's response limit.
 */
export const MAX_RECEIVE_BYTES = 256 * 1024 * 1024;

const CHANNEL_OPTIONS = {
  "grpc.keepalive_time_ms": 10_000,
  "grpc.keepalive_timeout_ms": 5_000,
  "grpc.keepalive_permit_without_calls": 0,
  "grpc.max_receive_message_length": MAX_RECEIVE_BYTES,
  // A member that comes back is tried again within seconds (grpc-js backs off up to 120 s by default).
  "grpc.initial_reconnect_backoff_ms": 500,
  "grpc.max_reconnect_backoff_ms": 5_000,
};

/** host:port of an endpoint URL; https means TLS. */
export function grpcTarget(endpoint: string): { target: string; tls: boolean } {
  const url = new URL(endpoint);
  const port = url.port || (url.protocol === "https:" ? "443" : "2379");
  return { target: `${url.hostname}:${port}`, tls: url.protocol === "https:" };
}

export class Etcd3Channels {
  private readonly clients = new Map<string, Client>();
  private closed = false;

  constructor(private readonly tls: TlsOptions | undefined) {}

  /** The channel (as a grpc-js Client) of an endpoint, created on first use. */
  client(endpoint: string): Client {
    if (this.closed) throw new Error("etcd v3 client is closed");
    let client = this.clients.get(endpoint);
    if (!client) {
      const { target, tls } = grpcTarget(endpoint);
      client = new Client(target, tls ? this.sslCredentials() : credentials.createInsecure(), CHANNEL_OPTIONS);
      this.clients.set(endpoint, client);
    }
    return client;
  }

  close(): void {
    this.closed = true;
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private sslCredentials(): ChannelCredentials {
    const buf = (v: string | Buffer | undefined) => (v === undefined ? null : Buffer.from(v));
    return credentials.createSsl(buf(this.tls?.ca), buf(this.tls?.key), buf(this.tls?.cert));
  }
}

export type Readiness = "ready" | "down" | "timeout";

/**
 * Waits until the channel is connected, so a call is only sent on a live connection: "down" (refused, or
 * still backing off after a failure) and "timeout" both mean the request was never sent, which makes it
 * safe to try another member even for a write.
 */
export function whenReady(channel: ReturnType<Client["getChannel"]>, deadline: number): Promise<Readiness> {
  return new Promise((resolve) => {
    const check = () => {
      const state = channel.getConnectivityState(true);
      if (state === connectivityState.READY) return resolve("ready");
      if (state === connectivityState.SHUTDOWN || state === connectivityState.TRANSIENT_FAILURE) return resolve("down");
      if (Date.now() >= deadline) return resolve("timeout");
      channel.watchConnectivityState(state, deadline, (error) => (error ? resolve("timeout") : check()));
    };
    check();
  });
}

/**
 * Why a channel that is down could not connect. grpc-js keeps the last connection error inside the channel;
 * a call started without waiting for readiness fails at once with it ("No connection established. Last
 * error: …") and is never sent. For the error message only: over TLS it tells a refused client certificate
 * ("bad certificate") from an unverifiable server certificate (§1.5).
 */
export function lastConnectError(client: Client, deadline: number): Promise<string | undefined> {
  const status = method("Maintenance", "Status");
  return new Promise((resolve) => {
    client.makeUnaryRequest(status.path, status.requestSerialize, status.responseDeserialize, {}, new Metadata(), { deadline }, (error) => {
      const details = error?.details?.replace(/^No connection established\. Last error: /, "").replace(/^Error: /, "");
      resolve(details || undefined);
    });
  });
}
