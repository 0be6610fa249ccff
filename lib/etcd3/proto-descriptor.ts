// The etcd v3 messages and services the dashboard uses, written here from the API's field numbers
// (etcd-v3-api.md appendix, §1.1) as a protobufjs JSON descriptor, so that no .proto file has to exist
// at run time: Next.js bundles route handlers, and a path relative to this source would not survive.
// Only what the dashboard calls is declared; unknown fields in etcd's answers are skipped by protobuf.
//
// Lease IDs are declared uint64 although etcd's proto says int64: both are the same varint on the wire,
// and uint64 keeps an id chosen above 2^63 (say 18301528819393501121, §0.2) exact and non-negative (etcdctl
// prints those same 64 bits as a negative int64 in hex); ids etcd picks itself are below 2^63 either way. Revisions, watch ids and counts stay int64 (watch_id -1 means "whole stream").
import "server-only";

type Field = { type: string; id: number; rule?: "repeated" };
const f = (type: string, id: number): Field => ({ type, id });
const many = (type: string, id: number): Field => ({ type, id, rule: "repeated" });
const message = (fields: Record<string, Field>, extra: Record<string, unknown> = {}) => ({ fields, ...extra });
const unary = (requestType: string, responseType: string) => ({ requestType, responseType });
const bidi = (requestType: string, responseType: string) => ({ requestType, responseType, requestStream: true, responseStream: true });
const header = f("ResponseHeader", 1);

export const ETCD_PROTO_DESCRIPTOR = {
  nested: {
    mvccpb: {
      nested: {
        KeyValue: message({
          key: f("bytes", 1),
          create_revision: f("int64", 2),
          mod_revision: f("int64", 3),
          version: f("int64", 4),
          value: f("bytes", 5),
          lease: f("uint64", 6),
        }),
        Event: message(
          { type: f("EventType", 1), kv: f("KeyValue", 2), prev_kv: f("KeyValue", 3) },
          { nested: { EventType: { values: { PUT: 0, DELETE: 1 } } } },
        ),
      },
    },
    etcdserverpb: {
      nested: {
        ResponseHeader: message({ cluster_id: f("uint64", 1), member_id: f("uint64", 2), revision: f("int64", 3), raft_term: f("uint64", 4) }),

        // KV
        RangeRequest: message(
          {
            key: f("bytes", 1),
            range_end: f("bytes", 2),
            limit: f("int64", 3),
            revision: f("int64", 4),
            sort_order: f("SortOrder", 5),
            sort_target: f("SortTarget", 6),
            serializable: f("bool", 7),
            keys_only: f("bool", 8),
            count_only: f("bool", 9),
            min_mod_revision: f("int64", 10),
            max_mod_revision: f("int64", 11),
            min_create_revision: f("int64", 12),
            max_create_revision: f("int64", 13),
          },
          {
            nested: {
              SortOrder: { values: { NONE: 0, ASCEND: 1, DESCEND: 2 } },
              SortTarget: { values: { KEY: 0, VERSION: 1, CREATE: 2, MOD: 3, VALUE: 4 } },
            },
          },
        ),
        RangeResponse: message({ header, kvs: many("mvccpb.KeyValue", 2), more: f("bool", 3), count: f("int64", 4) }),
        PutRequest: message({
          key: f("bytes", 1),
          value: f("bytes", 2),
          lease: f("uint64", 3),
          prev_kv: f("bool", 4),
          ignore_value: f("bool", 5),
          ignore_lease: f("bool", 6),
        }),
        PutResponse: message({ header, prev_kv: f("mvccpb.KeyValue", 2) }),
        DeleteRangeRequest: message({ key: f("bytes", 1), range_end: f("bytes", 2), prev_kv: f("bool", 3) }),
        DeleteRangeResponse: message({ header, deleted: f("int64", 2), prev_kvs: many("mvccpb.KeyValue", 3) }),
        RequestOp: message(
          {
            request_range: f("RangeRequest", 1),
            request_put: f("PutRequest", 2),
            request_delete_range: f("DeleteRangeRequest", 3),
            request_txn: f("TxnRequest", 4),
          },
          { oneofs: { request: { oneof: ["request_range", "request_put", "request_delete_range", "request_txn"] } } },
        ),
        ResponseOp: message(
          {
            response_range: f("RangeResponse", 1),
            response_put: f("PutResponse", 2),
            response_delete_range: f("DeleteRangeResponse", 3),
            response_txn: f("TxnResponse", 4),
          },
          { oneofs: { response: { oneof: ["response_range", "response_put", "response_delete_range", "response_txn"] } } },
        ),
        Compare: message(
          {
            result: f("CompareResult", 1),
            target: f("CompareTarget", 2),
            key: f("bytes", 3),
            version: f("int64", 4),
            create_revision: f("int64", 5),
            mod_revision: f("int64", 6),
            value: f("bytes", 7),
            lease: f("uint64", 8),
            range_end: f("bytes", 64),
          },
          {
            oneofs: { target_union: { oneof: ["version", "create_revision", "mod_revision", "value", "lease"] } },
            nested: {
              CompareResult: { values: { EQUAL: 0, GREATER: 1, LESS: 2, NOT_EQUAL: 3 } },
              CompareTarget: { values: { VERSION: 0, CREATE: 1, MOD: 2, VALUE: 3, LEASE: 4 } },
            },
          },
        ),
        TxnRequest: message({ compare: many("Compare", 1), success: many("RequestOp", 2), failure: many("RequestOp", 3) }),
        TxnResponse: message({ header, succeeded: f("bool", 2), responses: many("ResponseOp", 3) }),
        CompactionRequest: message({ revision: f("int64", 1), physical: f("bool", 2) }),
        CompactionResponse: message({ header }),

        // Watch
        WatchRequest: message(
          { create_request: f("WatchCreateRequest", 1), cancel_request: f("WatchCancelRequest", 2), progress_request: f("WatchProgressRequest", 3) },
          { oneofs: { request_union: { oneof: ["create_request", "cancel_request", "progress_request"] } } },
        ),
        WatchCreateRequest: message(
          {
            key: f("bytes", 1),
            range_end: f("bytes", 2),
            start_revision: f("int64", 3),
            progress_notify: f("bool", 4),
            filters: many("FilterType", 5),
            prev_kv: f("bool", 6),
            watch_id: f("int64", 7),
            fragment: f("bool", 8),
          },
          { nested: { FilterType: { values: { NOPUT: 0, NODELETE: 1 } } } },
        ),
        WatchCancelRequest: message({ watch_id: f("int64", 1) }),
        WatchProgressRequest: message({}),
        WatchResponse: message({
          header,
          watch_id: f("int64", 2),
          created: f("bool", 3),
          canceled: f("bool", 4),
          compact_revision: f("int64", 5),
          cancel_reason: f("string", 6),
          fragment: f("bool", 7),
          events: many("mvccpb.Event", 11),
        }),

        // Lease
        LeaseGrantRequest: message({ TTL: f("int64", 1), ID: f("uint64", 2) }),
        LeaseGrantResponse: message({ header, ID: f("uint64", 2), TTL: f("int64", 3), error: f("string", 4) }),
        LeaseRevokeRequest: message({ ID: f("uint64", 1) }),
        LeaseRevokeResponse: message({ header }),
        LeaseKeepAliveRequest: message({ ID: f("uint64", 1) }),
        LeaseKeepAliveResponse: message({ header, ID: f("uint64", 2), TTL: f("int64", 3) }),
        LeaseTimeToLiveRequest: message({ ID: f("uint64", 1), keys: f("bool", 2) }),
        LeaseTimeToLiveResponse: message({ header, ID: f("uint64", 2), TTL: f("int64", 3), grantedTTL: f("int64", 4), keys: many("bytes", 5) }),
        LeaseLeasesRequest: message({}),
        LeaseStatus: message({ ID: f("uint64", 1) }),
        LeaseLeasesResponse: message({ header, leases: many("LeaseStatus", 2) }),

        // Cluster, Maintenance, Auth
        Member: message({ ID: f("uint64", 1), name: f("string", 2), peerURLs: many("string", 3), clientURLs: many("string", 4), isLearner: f("bool", 5) }),
        MemberListRequest: message({}),
        MemberListResponse: message({ header, members: many("Member", 2) }),
        StatusRequest: message({}),
        StatusResponse: message({
          header,
          version: f("string", 2),
          dbSize: f("int64", 3),
          leader: f("uint64", 4),
          raftIndex: f("uint64", 5),
          raftTerm: f("uint64", 6),
          raftAppliedIndex: f("uint64", 7),
          errors: many("string", 8),
          dbSizeInUse: f("int64", 9),
          isLearner: f("bool", 10),
        }),
        AuthenticateRequest: message({ name: f("string", 1), password: f("string", 2) }),
        AuthenticateResponse: message({ header, token: f("string", 2) }),

        KV: {
          methods: {
            Range: unary("RangeRequest", "RangeResponse"),
            Put: unary("PutRequest", "PutResponse"),
            DeleteRange: unary("DeleteRangeRequest", "DeleteRangeResponse"),
            Txn: unary("TxnRequest", "TxnResponse"),
            Compact: unary("CompactionRequest", "CompactionResponse"),
          },
        },
        Watch: { methods: { Watch: bidi("WatchRequest", "WatchResponse") } },
        Lease: {
          methods: {
            LeaseGrant: unary("LeaseGrantRequest", "LeaseGrantResponse"),
            LeaseRevoke: unary("LeaseRevokeRequest", "LeaseRevokeResponse"),
            LeaseKeepAlive: bidi("LeaseKeepAliveRequest", "LeaseKeepAliveResponse"),
            LeaseTimeToLive: unary("LeaseTimeToLiveRequest", "LeaseTimeToLiveResponse"),
            LeaseLeases: unary("LeaseLeasesRequest", "LeaseLeasesResponse"),
          },
        },
        Cluster: { methods: { MemberList: unary("MemberListRequest", "MemberListResponse") } },
        Maintenance: { methods: { Status: unary("StatusRequest", "StatusResponse") } },
        Auth: { methods: { Authenticate: unary("AuthenticateRequest", "AuthenticateResponse") } },
      },
    },
  },
};
