// What a v3 watch hands to its subscribers' streams, each item with its SSE text framed once (as v2's
// lib/watch/hub-frames.ts, whose status and failure items are shared as they are). Ids and the data of
// events follow lib/watch3/protocol.ts.
import "server-only";
import { frames, type HubItem } from "@/lib/watch/hub-frames";
import { formatSse } from "@/lib/watch/sse";
import type { ItemOrder } from "@/lib/watch/subscription";
import { comparePositions, formatEventId3, type KeyValueData3, type Position3, type ResyncReason3, type WatchEventData3 } from "./protocol";
import { asBuffer, type EventKeyValue3, type WatchEvent3 } from "./wire";

export type EventItem3 = { type: "event"; position: Position3; event: WatchEventData3; frame: string };

export type HubItem3 =
  | { type: "ready"; position: Position3; frame: string }
  | EventItem3
  | { type: "resync"; position: Position3; reason: ResyncReason3; frame: string }
  | { type: "progress"; position: Position3; frame: string }
  | (HubItem & { type: "status" | "failure" });

/** The position of a complete revision. */
const at = (revision: number): Position3 => ({ revision, seq: Infinity });

export const frames3 = {
  /** Live from `after` (a revision, or a place inside one for a subscriber resuming from `R.n`). */
  ready: (after: number | Position3): HubItem3 => {
    const position = typeof after === "number" ? at(after) : after;
    return { type: "ready", position, frame: formatSse({ event: "ready", id: formatEventId3(position), data: JSON.stringify({ revision: position.revision }) }) };
  },
  resync: (revision: number, reason: ResyncReason3): HubItem3 => ({
    type: "resync",
    position: at(revision),
    reason,
    frame: formatSse({ event: "resync", id: String(revision), data: JSON.stringify({ revision, reason }) }),
  }),
  progress: (revision: number): HubItem3 => ({ type: "progress", position: at(revision), frame: formatSse({ id: String(revision) }) }),
  status: frames.status as (state: "retrying" | "live", message?: string) => HubItem3,
  failure: frames.failure as (error: unknown, payload: unknown) => HubItem3,
  /**
   * The items of delivered events, in order. A batch holds whole revisions (the stream state delivers
   * nothing less), so the last event of each revision here is its last one: it gets the id `R`, the
   * events before it `R.1`, `R.2`, … (protocol.ts).
   */
  events: (events: readonly WatchEvent3[]): EventItem3[] => {
    const items: EventItem3[] = [];
    let seq = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      const revision = event.kv.modRevision;
      seq = i > 0 && events[i - 1]!.kv.modRevision === revision ? seq + 1 : 1;
      const last = events[i + 1]?.kv.modRevision !== revision;
      const position: Position3 = { revision, seq: last ? Infinity : seq };
      const data = eventData3(event);
      items.push({ type: "event", position, event: data, frame: formatSse({ event: data.type, id: formatEventId3(position), data: JSON.stringify(data) }) });
    }
    return items;
  },
};

/** The position an item accounts for (events, ready, resync and progress; status and failure: none). */
export function positionOfItem3(item: HubItem3): Position3 | undefined {
  return "position" in item ? item.position : undefined;
}

/**
 * The order of a v3 subscription (lib/watch/subscription.ts): by revision, then place within it. A reader
 * cut back mid-revision gets a resync at that revision, which its reload covers whole: the rest of that
 * revision's events are then dropped as already accounted for.
 */
export const order3: ItemOrder<HubItem3, Position3> = {
  positionOf: positionOfItem3,
  compare: comparePositions,
  start: { revision: -1, seq: Infinity },
  tooSlow: (position) => frames3.resync(position.revision, "too-slow"),
};

/** An event as the stream's `data:` (protocol.ts): bytes in base64, zero fields of a delete kept as 0. */
export function eventData3(event: WatchEvent3): WatchEventData3 {
  const data: WatchEventData3 = { type: event.type, ...keyValueData3(event.kv, event.type === "put") };
  if (event.prevKv) data.prevKv = keyValueData3(event.prevKv, true);
  return data;
}

function keyValueData3(kv: EventKeyValue3, withValue: boolean): KeyValueData3 {
  return {
    key: base64(kv.key),
    ...(withValue ? { value: base64(kv.value) } : {}),
    createRevision: kv.createRevision,
    modRevision: kv.modRevision,
    version: kv.version,
    ...(kv.lease !== "0" ? { lease: kv.lease } : {}),
  };
}

function base64(bytes: Uint8Array): string {
  return asBuffer(bytes).toString("base64");
}
