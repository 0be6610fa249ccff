// What the watch hub hands to a subscriber's stream, each item with its SSE text already framed: an
// upstream frames an event once, and every subscriber of it sends the same text.
import "server-only";
import type { V2Node } from "@/lib/etcd/wire";
import { formatSse } from "./sse";
import { isWatchAction, type ResyncReason, type WatchEvent } from "./protocol";

/** What a subscription hands to its stream, in order. `frame` is the SSE text to send. */
export type HubItem =
  | { type: "ready"; etcdIndex: number; frame: string }
  | { type: "event"; index: number; event: WatchEvent; frame: string }
  | { type: "resync"; etcdIndex: number; reason: ResyncReason; frame: string }
  | { type: "progress"; index: number; frame: string }
  | { type: "status"; state: "retrying" | "live"; message?: string; frame: string }
  | { type: "failure"; error: unknown; frame: string };

export type EventItem = HubItem & { type: "event" };

export const frames = {
  ready: (etcdIndex: number): HubItem => ({ type: "ready", etcdIndex, frame: formatSse({ event: "ready", id: String(etcdIndex), data: JSON.stringify({ etcdIndex }) }) }),
  event: (event: WatchEvent): EventItem => {
    const { index, ...data } = event;
    return { type: "event", index, event, frame: formatSse({ event: event.action, id: String(index), data: JSON.stringify(data) }) };
  },
  resync: (etcdIndex: number, reason: ResyncReason): HubItem => ({
    type: "resync",
    etcdIndex,
    reason,
    frame: formatSse({ event: "resync", id: String(etcdIndex), data: JSON.stringify({ etcdIndex, reason }) }),
  }),
  progress: (index: number): HubItem => ({ type: "progress", index, frame: formatSse({ id: String(index) }) }),
  status: (state: "retrying" | "live", message?: string): HubItem => ({ type: "status", state, message, frame: formatSse({ event: "status", data: JSON.stringify({ state, message }) }) }),
  failure: (error: unknown, payload: unknown): HubItem => ({ type: "failure", error, frame: formatSse({ event: "failure", data: JSON.stringify(payload) }) }),
};

/** The last index an item accounts for (events, resyncs, progress and ready move it; status does not). */
export function indexOfItem(item: HubItem): number | undefined {
  switch (item.type) {
    case "event":
      return item.index;
    case "ready":
    case "resync":
      return item.etcdIndex;
    case "progress":
      return item.index;
    default:
      return undefined;
  }
}

/** A watch event from etcd's response, or undefined for an action a watch does not deliver. */
export function toWatchEvent(index: number, response: { action: string; node?: unknown; prevNode?: unknown }): WatchEvent | undefined {
  if (!isWatchAction(response.action) || !response.node) return undefined;
  const event: WatchEvent = { index, action: response.action, node: response.node as V2Node };
  if (response.prevNode) event.prevNode = response.prevNode as V2Node;
  return event;
}
