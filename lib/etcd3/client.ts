// The typed etcd v3 API the dashboard uses, over the transport's raw calls: app shapes (shapes.ts) in and
// out, ids and revisions as decimal strings, keys and values as bytes.
import "server-only";
import { EtcdError } from "../etcd/errors";
import { errorFromGrpc } from "./grpc-errors";
import { toBuffer, type Bytes } from "./bytes";
import { deleteRequest, putRequest, rangeRequest, txnRequest, type DeleteOptions3, type Op3, type PutOptions3, type RangeOptions3, type TxnOptions3 } from "./requests";
import { deleteResult, header, putResult, rangeResult, type DeleteResult3, type Header3, type KeyValue3, type PutResult3, type RangeResult3, type WireHeader, type WireKeyValue } from "./shapes";
import { Etcd3Transport, isTokenRefusal, type Etcd3TransportOptions, type OpenStream } from "./transport";
import type { WatchRequestWire, WatchResponseWire } from "./watch-wire";

export type OpResult3 = { range: RangeResult3 } | { put: PutResult3 } | { deleteRange: DeleteResult3 } | { txn: TxnResult3 };

export interface TxnResult3 {
  header: Header3;
  revision: string;
  succeeded: boolean;
  responses: OpResult3[];
}

/** A guarded write: applied, or refused with the key as it is now (undefined: it does not exist). */
export type GuardedWrite3 = { succeeded: true; revision: string } | { succeeded: false; revision: string; current?: KeyValue3 };

export interface Lease3 {
  id: string;
  /** Seconds. */
  ttl: number;
}
export interface LeaseTimeToLive3 {
  id: string;
  /** Seconds left, truncated (0 may still be alive); -1: the lease is gone (§7). */
  ttl: number;
  grantedTtl: number;
  keys: Buffer[];
}
export interface Member3 {
  id: string;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}
export interface Status3 {
  endpoint: string;
  header: Header3;
  version: string;
  dbSize: string;
  dbSizeInUse: string;
  /** The leader's member id, "0" when there is none. */
  leader: string;
  raftIndex: string;
  raftTerm: string;
  raftAppliedIndex: string;
  /** e.g. "etcdserver: no leader", "memberID:… alarm:NOSPACE " (§8.2). */
  errors: string[];
  isLearner: boolean;
}

interface WireRangeResponse {
  header: WireHeader;
  kvs: WireKeyValue[];
  more: boolean;
  count: string;
}
interface WireResponseOp {
  response: "response_range" | "response_put" | "response_delete_range" | "response_txn";
  response_range?: WireRangeResponse;
  response_put?: { header: WireHeader; prev_kv: WireKeyValue | null };
  response_delete_range?: { header: WireHeader; deleted: string; prev_kvs: WireKeyValue[] };
  response_txn?: WireTxnResponse;
}
interface WireTxnResponse {
  header: WireHeader;
  succeeded: boolean;
  responses: WireResponseOp[];
}

function txnResult(res: WireTxnResponse): TxnResult3 {
  const h = header(res.header);
  return { header: h, revision: h.revision, succeeded: res.succeeded, responses: res.responses.map(opResult) };
}

function opResult(op: WireResponseOp): OpResult3 {
  switch (op.response) {
    case "response_range":
      return { range: rangeResult(op.response_range!) };
    case "response_put":
      return { put: putResult(op.response_put!) };
    case "response_delete_range":
      return { deleteRange: deleteResult(op.response_delete_range!) };
    default:
      return { txn: txnResult(op.response_txn!) };
  }
}

export class Etcd3Client {
  readonly transport: Etcd3Transport;

  constructor(options: Etcd3TransportOptions) {
    this.transport = new Etcd3Transport(options);
  }

  async range(options: RangeOptions3, signal?: AbortSignal): Promise<RangeResult3> {
    return rangeResult(await this.transport.unary<WireRangeResponse>("KV", "Range", rangeRequest(options), { signal }));
  }

  /** The key as it is, or undefined when it does not exist (a missing key is no error in v3, §0.6). */
  async get(key: Bytes, signal?: AbortSignal): Promise<KeyValue3 | undefined> {
    return (await this.range({ key }, signal)).kvs[0];
  }

  async put(options: PutOptions3): Promise<PutResult3> {
    return putResult(await this.transport.unary("KV", "Put", putRequest(options), { write: true }));
  }

  async deleteRange(options: DeleteOptions3): Promise<DeleteResult3> {
    return deleteResult(await this.transport.unary("KV", "DeleteRange", deleteRequest(options), { write: true }));
  }

  async txn(options: TxnOptions3): Promise<TxnResult3> {
    return txnResult(await this.transport.unary<WireTxnResponse>("KV", "Txn", txnRequest(options), { write: true }));
  }

  /**
   * Compare-and-swap on the mod revision the caller loaded (§3.3); a conflict returns the current key in
   * the same round trip. The lease: `lease` attaches, `ignoreLease` keeps the key's, neither detaches.
   */
  compareAndPut(put: PutOptions3, modRevision: string): Promise<GuardedWrite3> {
    return this.guarded(put.key, { target: "MOD", value: modRevision }, { put });
  }

  /** Creates the key only if it does not exist (create_revision = 0, §3.3). */
  createIfAbsent(put: PutOptions3): Promise<GuardedWrite3> {
    return this.guarded(put.key, { target: "CREATE", value: "0" }, { put });
  }

  /** Deletes the key only if its mod revision is still the one loaded. */
  compareAndDelete(key: Bytes, modRevision: string): Promise<GuardedWrite3> {
    return this.guarded(key, { target: "MOD", value: modRevision }, { deleteRange: { key } });
  }

  async compact(revision: string, physical = false): Promise<{ revision: string }> {
    const res = await this.transport.unary<{ header: WireHeader }>("KV", "Compact", { revision, physical }, { write: true });
    return { revision: header(res.header).revision };
  }

  /** Grants a lease of `ttlSeconds` (etcd's minimum is 2 s, §7); `id` chooses its id ("0": etcd's choice). */
  async leaseGrant(ttlSeconds: number, id?: string): Promise<Lease3> {
    const res = await this.transport.unary<{ ID: string; TTL: string; error: string }>("Lease", "LeaseGrant", { TTL: String(ttlSeconds), ID: id }, { write: true });
    if (res.error) throw new EtcdError("rejected", `etcd refused the lease: ${res.error}`, { etcdCause: res.error });
    return { id: res.ID, ttl: Number(res.TTL) };
  }

  /** Revokes the lease, deleting every key attached to it in one revision (§7). */
  async leaseRevoke(id: string): Promise<{ revision: string }> {
    const res = await this.transport.unary<{ header: WireHeader }>("Lease", "LeaseRevoke", { ID: id }, { write: true });
    return { revision: header(res.header).revision };
  }

  async leaseTimeToLive(id: string, options: { keys?: boolean } = {}): Promise<LeaseTimeToLive3> {
    const res = await this.transport.unary<{ ID: string; TTL: string; grantedTTL: string; keys: Buffer[] }>("Lease", "LeaseTimeToLive", { ID: id, keys: options.keys });
    return { id: res.ID, ttl: Number(res.TTL), grantedTtl: Number(res.grantedTTL), keys: res.keys };
  }

  /** Renews the lease once (one keepalive on a stream of its own); lease-not-found when it is gone (§7). */
  async leaseKeepAliveOnce(id: string): Promise<Lease3> {
    const res = await this.keepAliveOnce(id);
    if (res.TTL === "0") throw new EtcdError("lease-not-found", "The lease does not exist (it expired or was revoked).");
    return { id: res.ID, ttl: Number(res.TTL) };
  }

  /** The ids of every lease. */
  async leases(): Promise<string[]> {
    const res = await this.transport.unary<{ leases: { ID: string }[] }>("Lease", "LeaseLeases", {});
    return res.leases.map((l) => l.ID);
  }

  /** One member's status: the given endpoint only, or the first that answers. */
  async status(endpoint?: string, options: { deadlineMs?: number; signal?: AbortSignal } = {}): Promise<Status3> {
    const res = await this.transport.unary<Omit<Status3, "endpoint" | "header"> & { header: WireHeader }>("Maintenance", "Status", {}, { endpoint, ...options });
    const { header: h, ...rest } = res;
    return { endpoint: endpoint ?? this.transport.pool.order()[0]!, header: header(h), ...rest };
  }

  async memberList(signal?: AbortSignal): Promise<{ header: Header3; members: Member3[] }> {
    const res = await this.transport.unary<{ header: WireHeader; members: (Member3 & { ID: string })[] }>("Cluster", "MemberList", {}, { signal });
    return {
      header: header(res.header),
      members: res.members.map((m) => ({ id: m.ID, name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs, isLearner: m.isLearner })),
    };
  }

  /**
   * A raw bidi Watch stream on the first endpoint that connects (see watch-wire.ts for its contract):
   * `hasleader` and auth metadata set, no deadline, ended by the channel's keepalive when its member
   * freezes. The caller owns it: write create/cancel requests, read responses, and `call.cancel()` it.
   */
  watchStream(signal?: AbortSignal): Promise<OpenStream<WatchRequestWire, WatchResponseWire>> {
    return this.transport.openStream<WatchRequestWire, WatchResponseWire>("Watch", "Watch", { signal });
  }

  /** Closes every channel of the cluster, and with them every call and stream. */
  close(): void {
    this.transport.close();
  }

  private async guarded(key: Bytes, compare: { target: "MOD" | "CREATE"; value: string }, op: Op3): Promise<GuardedWrite3> {
    const res = await this.txn({
      compare: [{ key, target: compare.target, result: "EQUAL", value: compare.value }],
      success: [op],
      failure: [{ range: { key: toBuffer(key) } }],
    });
    if (res.succeeded) return { succeeded: true, revision: res.revision };
    const read = res.responses[0];
    const current = read && "range" in read ? read.range.kvs[0] : undefined;
    return { succeeded: false, revision: res.revision, ...(current ? { current } : {}) };
  }

  /** A keepalive is idempotent: tried on each endpoint in turn until one answers. */
  private async keepAliveOnce(id: string): Promise<{ ID: string; TTL: string }> {
    let lastError: unknown;
    for (let attempt = 0; attempt < this.transport.pool.order().length; attempt += 1) {
      const { call, endpoint, token } = await this.transport.openStream<{ ID: string }, { ID: string; TTL: string }>("Lease", "LeaseKeepAlive");
      try {
        return await firstReply(call, id, this.transport.readTimeoutMs);
      } catch (error) {
        lastError = error;
        if (isTokenRefusal(error)) {
          await this.transport.renewToken(token);
          continue;
        }
        if (error instanceof EtcdError && !error.retryable) throw error;
        this.transport.pool.markFailure(endpoint, error instanceof Error ? error.message : String(error));
      }
    }
    throw lastError;
  }
}

function firstReply(call: OpenStream<{ ID: string }, { ID: string; TTL: string }>["call"], id: string, timeoutMs: number): Promise<{ ID: string; TTL: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new EtcdError("timeout", "etcd did not answer the lease keepalive in time.", { retryable: true })), timeoutMs);
    const finish = (error: Error | undefined, reply?: { ID: string; TTL: string }) => {
      clearTimeout(timer);
      call.removeAllListeners("data");
      call.removeAllListeners("error");
      // Cancelling emits an error (CANCELLED) that nobody needs (§6.1): swallow it.
      call.on("error", () => undefined);
      call.cancel();
      if (error) reject(error);
      else resolve(reply!);
    };
    call.on("data", (reply: { ID: string; TTL: string }) => finish(undefined, reply));
    call.on("error", (error: { code?: number; details?: string }) =>
      finish(errorFromGrpc({ code: error.code ?? 2, details: error.details ?? String(error) }, error)),
    );
    call.write({ ID: id });
  });
}
