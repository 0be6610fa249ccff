// The app's own shapes of etcd v3 answers, and the small reshape functions from the wire (zero values are
// filled by the loader, §0.1; 64-bit numbers stay decimal strings, §0.2; keys and values stay Buffers).
import "server-only";

export interface WireKeyValue {
  key: Buffer;
  create_revision: string;
  mod_revision: string;
  version: string;
  value: Buffer;
  lease: string;
}
export interface WireHeader {
  cluster_id: string;
  member_id: string;
  revision: string;
  raft_term: string;
}

export interface KeyValue3 {
  key: Buffer;
  value: Buffer;
  createRevision: string;
  modRevision: string;
  /** Puts since creation (1 after a create). */
  version: string;
  /** The lease id, "0" when none. */
  lease: string;
}

export interface Header3 {
  clusterId: string;
  memberId: string;
  /** The store's current revision ("0" where etcd sends none, e.g. MemberList). */
  revision: string;
  raftTerm: string;
}

export interface RangeResult3 {
  header: Header3;
  /** The revision the read saw (header.revision). */
  revision: string;
  kvs: KeyValue3[];
  more: boolean;
  /** Every key in the range, whatever the limit (§3.1). */
  count: string;
}
export interface PutResult3 {
  header: Header3;
  revision: string;
  prevKv?: KeyValue3;
}
export interface DeleteResult3 {
  header: Header3;
  revision: string;
  deleted: string;
  prevKvs: KeyValue3[];
}

export function keyValue(kv: WireKeyValue): KeyValue3 {
  return {
    key: kv.key,
    value: kv.value,
    createRevision: kv.create_revision,
    modRevision: kv.mod_revision,
    version: kv.version,
    lease: kv.lease,
  };
}

export function header(h: WireHeader | null | undefined): Header3 {
  return { clusterId: h?.cluster_id ?? "0", memberId: h?.member_id ?? "0", revision: h?.revision ?? "0", raftTerm: h?.raft_term ?? "0" };
}

export function rangeResult(res: { header: WireHeader; kvs: WireKeyValue[]; more: boolean; count: string }): RangeResult3 {
  const h = header(res.header);
  return { header: h, revision: h.revision, kvs: res.kvs.map(keyValue), more: res.more, count: res.count };
}

export function putResult(res: { header: WireHeader; prev_kv: WireKeyValue | null }): PutResult3 {
  const h = header(res.header);
  return { header: h, revision: h.revision, ...(res.prev_kv ? { prevKv: keyValue(res.prev_kv) } : {}) };
}

export function deleteResult(res: { header: WireHeader; deleted: string; prev_kvs: WireKeyValue[] }): DeleteResult3 {
  const h = header(res.header);
  return { header: h, revision: h.revision, deleted: res.deleted, prevKvs: res.prev_kvs.map(keyValue) };
}
