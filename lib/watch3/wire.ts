// The raw messages of etcd's Watch stream as @grpc/proto-loader hands them over (`keepCase`,
// `longs: String`, `enums: String`, `defaults: true`; reference appendix: WatchResponse, Event, KeyValue),
// and their reshaping into the watch state's own types. Zero values are never on the wire (gotcha 1):
// with `defaults: true` they arrive as "0" / false / empty, without it they are absent; both read as zero.
import "server-only";

export type Bytes = Uint8Array;

export interface RawResponseHeader {
  cluster_id?: string;
  member_id?: string;
  revision?: string;
  raft_term?: string;
}

export interface RawKeyValue {
  key?: Bytes;
  create_revision?: string;
  mod_revision?: string;
  version?: string;
  value?: Bytes;
  lease?: string;
}

export interface RawEvent {
  /** "PUT" is the zero value: absent without `defaults`. */
  type?: "PUT" | "DELETE" | number;
  kv?: RawKeyValue | null;
  prev_kv?: RawKeyValue | null;
}

export interface RawWatchResponse {
  header?: RawResponseHeader | null;
  /** "0" (or absent) for watch 0, "-1" for a progress_request reply or a refused create (§6.1, §6.5). */
  watch_id?: string;
  created?: boolean;
  canceled?: boolean;
  compact_revision?: string;
  cancel_reason?: string;
  fragment?: boolean;
  events?: RawEvent[] | null;
}

/**
 * A WatchRequest as the stream's `write` takes it (reference appendix: WatchRequest, WatchCreateRequest).
 * Bytes as Node Buffers, as the loader encodes them (and as lib/etcd3's WatchRequestWire types them).
 */
export type RawWatchRequest =
  | {
      create_request: {
        key: Buffer;
        range_end?: Buffer;
        start_revision?: string;
        progress_notify?: boolean;
        prev_kv?: boolean;
        watch_id: string;
        fragment: boolean;
      };
    }
  | { cancel_request: { watch_id: string } };

/** A key's state in a watch event (revisions as numbers: they order the SSE stream, see toRevision). */
export interface EventKeyValue3 {
  key: Bytes;
  /** Absent on a DELETE's kv (§6.2) and on an empty value. */
  value: Bytes;
  createRevision: number;
  modRevision: number;
  version: number;
  /** The lease id as a decimal string (64-bit, gotcha 2); "0" = no lease. */
  lease: string;
}

export interface WatchEvent3 {
  type: "put" | "delete";
  kv: EventKeyValue3;
  prevKv?: EventKeyValue3;
}

const EMPTY = new Uint8Array(0);

/**
 * A revision as a number. Revisions are int64, but a store reaching 2^53 revisions would have taken
 * 285 years at a million writes a second, so a larger one is a corrupt message, not a real revision.
 */
export function toRevision(value: string | number | undefined | null): number {
  if (value === undefined || value === null || value === "") return 0;
  const revision = Number(value);
  if (!Number.isSafeInteger(revision)) throw new TypeError(`Not a usable etcd revision: ${String(value)}`);
  return revision;
}

export function toKeyValue(raw: RawKeyValue | null | undefined): EventKeyValue3 {
  return {
    key: raw?.key ?? EMPTY,
    value: raw?.value ?? EMPTY,
    createRevision: toRevision(raw?.create_revision),
    modRevision: toRevision(raw?.mod_revision),
    version: toRevision(raw?.version),
    lease: raw?.lease && raw.lease !== "" ? raw.lease : "0",
  };
}

export function toWatchEvent(raw: RawEvent): WatchEvent3 {
  const event: WatchEvent3 = { type: raw.type === "DELETE" || raw.type === 1 ? "delete" : "put", kv: toKeyValue(raw.kv) };
  if (raw.prev_kv) event.prevKv = toKeyValue(raw.prev_kv);
  return event;
}

/** A Buffer over the same memory (no copy), for the loader's bytes fields. */
export function asBuffer(bytes: Bytes): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The watch id a message is for: watch 0 carries none (§6.1). */
export function watchIdOf(message: RawWatchResponse): string {
  return message.watch_id && message.watch_id !== "" ? message.watch_id : "0";
}
