// The app's request options as etcd v3 wire messages (field names of the descriptor). No sort is ever
// sent: results come in key order already, and any sort makes etcd read the whole range first (§0.5).
import "server-only";
import { prefixEnd, toBuffer, type Bytes } from "./bytes";

export interface RangeOptions3 {
  key: Bytes;
  /** End of the range (exclusive); "\0" = every key from `key` on. */
  rangeEnd?: Bytes;
  /** Every key that starts with `key` (sets the range end). */
  prefix?: boolean;
  /** At most this many keys (`more` tells whether there were others). Does not make a read cheap (§0.4). */
  limit?: number;
  /** Read at this revision (one snapshot for every page of a listing, §4). */
  revision?: string;
  keysOnly?: boolean;
  countOnly?: boolean;
  /** Local read on the member: faster, may be stale on a follower (§0.13). */
  serializable?: boolean;
}

export interface PutOptions3 {
  key: Bytes;
  value: Bytes;
  /** Attach to this lease; without it a put detaches the key from its lease (§3.2)... */
  lease?: string;
  /** ...unless the key keeps its lease. */
  ignoreLease?: boolean;
  prevKv?: boolean;
}

export interface DeleteOptions3 {
  key: Bytes;
  rangeEnd?: Bytes;
  prefix?: boolean;
  prevKv?: boolean;
}

export type CompareTarget3 = "VERSION" | "CREATE" | "MOD" | "VALUE" | "LEASE";
export type CompareResult3 = "EQUAL" | "GREATER" | "LESS" | "NOT_EQUAL";

export interface Compare3 {
  key: Bytes;
  rangeEnd?: Bytes;
  target: CompareTarget3;
  result: CompareResult3;
  /** A decimal string for VERSION, CREATE, MOD and LEASE; bytes for VALUE (false on a missing key, §3.3). */
  value: Bytes;
}

export type Op3 = { range: RangeOptions3 } | { put: PutOptions3 } | { deleteRange: DeleteOptions3 } | { txn: TxnOptions3 };

export interface TxnOptions3 {
  compare?: Compare3[];
  success?: Op3[];
  failure?: Op3[];
}

function rangeEndOf(opts: { key: Bytes; rangeEnd?: Bytes; prefix?: boolean }): Buffer | undefined {
  if (opts.prefix) return prefixEnd(opts.key);
  return opts.rangeEnd === undefined ? undefined : toBuffer(opts.rangeEnd);
}

export function rangeRequest(opts: RangeOptions3) {
  return {
    key: toBuffer(opts.key),
    range_end: rangeEndOf(opts),
    limit: opts.limit === undefined ? undefined : String(opts.limit),
    revision: opts.revision,
    serializable: opts.serializable,
    keys_only: opts.keysOnly,
    count_only: opts.countOnly,
  };
}

export function putRequest(opts: PutOptions3) {
  return {
    key: toBuffer(opts.key),
    value: toBuffer(opts.value),
    lease: opts.lease,
    ignore_lease: opts.ignoreLease,
    prev_kv: opts.prevKv,
  };
}

export function deleteRequest(opts: DeleteOptions3) {
  return { key: toBuffer(opts.key), range_end: rangeEndOf(opts), prev_kv: opts.prevKv };
}

const COMPARE_FIELD: Record<CompareTarget3, string> = {
  VERSION: "version",
  CREATE: "create_revision",
  MOD: "mod_revision",
  VALUE: "value",
  LEASE: "lease",
};

/** §3.3: the value field must match the target (a VALUE target with `version` set compares against ""). */
export function compareMessage(c: Compare3) {
  const field = COMPARE_FIELD[c.target];
  const value = c.target === "VALUE" ? toBuffer(c.value) : typeof c.value === "string" ? c.value : toBuffer(c.value).toString();
  return { key: toBuffer(c.key), range_end: c.rangeEnd === undefined ? undefined : toBuffer(c.rangeEnd), target: c.target, result: c.result, [field]: value };
}

export function opMessage(op: Op3): Record<string, unknown> {
  if ("range" in op) return { request_range: rangeRequest(op.range) };
  if ("put" in op) return { request_put: putRequest(op.put) };
  if ("deleteRange" in op) return { request_delete_range: deleteRequest(op.deleteRange) };
  return { request_txn: txnRequest(op.txn) };
}

export function txnRequest(opts: TxnOptions3) {
  return {
    compare: (opts.compare ?? []).map(compareMessage),
    success: (opts.success ?? []).map(opMessage),
    failure: (opts.failure ?? []).map(opMessage),
  };
}
