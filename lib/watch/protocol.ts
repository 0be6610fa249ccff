// The watch stream's contract, shared by the server (the SSE route) and the browser (useWatchStream).
//
// GET /api/clusters/{cluster}/watch/{key…}?recursive=true&waitIndex=N answers text/event-stream:
//
//   event: ready      id: N   data: {"etcdIndex":N}         live from here: events after index N follow
//   event: <action>   id: I   data: {"action","node","prevNode"?}   one change, I = node.modifiedIndex
//   event: resync     id: N   data: {"etcdIndex":N,"reason":…}   events were missed: reload, go on after N
//   event: status     data: {"state":"retrying"|"live","message"?}   etcd unreachable / reachable again
//   event: failure    data: {"error":{code,message,…}}        the watch cannot go on; the stream ends
//   id: N                     (no data) nothing matched up to N: moves Last-Event-ID forward silently
//   : keep-alive              every 15 s, so proxies keep the connection open
//
// Resume: `Last-Event-ID: N` (sent by EventSource on reconnect) or `waitIndex=N+1` delivers the events
// after N once each, in index order, or a resync when etcd's history no longer holds them.
import type { V2Node } from "@/lib/etcd/wire";
import { z } from "zod";

export const WATCH_ACTIONS = ["set", "create", "update", "delete", "expire", "compareAndSwap", "compareAndDelete"] as const;
export type WatchAction = (typeof WATCH_ACTIONS)[number];

export function isWatchAction(name: string): name is WatchAction {
  return (WATCH_ACTIONS as readonly string[]).includes(name);
}

/** One change as the stream delivers it (the `data:` of an action event, plus its index). */
export interface WatchEvent {
  index: number;
  action: WatchAction;
  node: V2Node;
  prevNode?: V2Node;
}

export type ResyncReason = "history-cleared" | "too-slow";

export interface ReadyData {
  etcdIndex: number;
}
export interface ResyncData {
  etcdIndex: number;
  reason: ResyncReason;
}
export interface StatusData {
  state: "retrying" | "live";
  message?: string;
}

/** Query of the watch route; `waitIndex` is the first index wanted (etcd's meaning). */
export const watchQuerySchema = z
  .object({
    recursive: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
    waitIndex: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/** `Last-Event-ID`: the index of the last event (or ready / resync / progress) the client received. */
export const lastEventIdSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER - 1);

export const KEEP_ALIVE_MS = 15_000;
