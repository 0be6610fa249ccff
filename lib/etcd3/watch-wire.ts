// The wire messages of etcd's bidi Watch stream (etcd-v3-api.md §6), as the loader hands them over
// (zero values filled, 64-bit numbers as decimal strings, keys and values as Buffers).
//
// The raw stream's contract (Etcd3Client.watchStream), for whoever builds the watch hub's upstream on it:
// - One stream per cluster carries many watches. Write `{ create_request: {...} }`; the server numbers
//   watches 0, 1, 2 … in create order unless `watch_id` is chosen (a duplicate is refused, §6.1). With the
//   loader's defaults, watch 0 arrives as watch_id "0".
// - A `created` reply acknowledges a create; a `canceled` one ends a watch: with `compact_revision` > "0"
//   it was compacted (re-list, then watch from the listing's revision + 1: §0.11, §6.4); with a
//   `cancel_reason` naming Unauthenticated / PermissionDenied / "user name is empty" etcd refused it (§9):
//   renew the token (Etcd3Transport.renewToken(stream.token)) and reopen the stream.
// - Resume from the last event's `kv.mod_revision` + 1, never `header.revision` + 1 (§0.9); a progress
//   notification (no events, neither created nor canceled, watch_id not "-1") moves the resume point to
//   header.revision + 1; never move it backwards and ignore watch_id "-1" (progress_request, §0.10).
// - Ask for `fragment: true` and join the `events` of replies while `fragment` is true (§6.3).
// - The stream ends with an `error` (UNAVAILABLE on a killed member, on a frozen one after the keepalive,
//   ~15 s; "etcdserver: no leader" ~3 s after a leader loss thanks to `hasleader`): open a new stream
//   (it goes to the next endpoint that connects) and re-create every watch from its resume point.
// - `call.cancel()` emits an `error` with CANCELLED: keep an error listener attached (§6.1).
import "server-only";
import type { WireHeader, WireKeyValue } from "./shapes";

export interface WatchCreateRequestWire {
  key: Buffer;
  range_end?: Buffer;
  start_revision?: string;
  progress_notify?: boolean;
  filters?: ("NOPUT" | "NODELETE")[];
  prev_kv?: boolean;
  watch_id?: string;
  fragment?: boolean;
}

export type WatchRequestWire =
  | { create_request: WatchCreateRequestWire }
  | { cancel_request: { watch_id: string } }
  | { progress_request: Record<string, never> };

export interface WatchEventWire {
  type: "PUT" | "DELETE";
  kv: WireKeyValue;
  prev_kv: WireKeyValue | null;
}

export interface WatchResponseWire {
  header: WireHeader | null;
  watch_id: string;
  created: boolean;
  canceled: boolean;
  compact_revision: string;
  cancel_reason: string;
  fragment: boolean;
  events: WatchEventWire[];
}
