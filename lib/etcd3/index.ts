// The server-only etcd v3 client (gRPC). Knows nothing of Next.js; nothing in the browser imports it.
import "server-only";

export { Etcd3Client, type GuardedWrite3, type Lease3, type LeaseTimeToLive3, type Member3, type OpResult3, type Status3, type TxnResult3 } from "./client";
export { Etcd3Transport, isTokenRefusal, type CallOptions, type Etcd3TransportOptions, type OpenStream } from "./transport";
export { END_OF_KEYSPACE, keyAfter, prefixEnd, toBuffer, type Bytes } from "./bytes";
export { errorFromGrpc, isInvalidToken, mayHaveBeenApplied } from "./grpc-errors";
export { MAX_RECEIVE_BYTES } from "./channels";
export type { Compare3, CompareResult3, CompareTarget3, DeleteOptions3, Op3, PutOptions3, RangeOptions3, TxnOptions3 } from "./requests";
export type { DeleteResult3, Header3, KeyValue3, PutResult3, RangeResult3 } from "./shapes";
export type { WatchCreateRequestWire, WatchEventWire, WatchRequestWire, WatchResponseWire } from "./watch-wire";
