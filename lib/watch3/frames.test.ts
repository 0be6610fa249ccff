import { describe, expect, it } from "vitest";
import { frames } from "@/lib/watch/hub-frames";
import { SseParser } from "@/lib/watch/sse";
import { comparePositions, lastEventId3Schema, watchEventData3Schema } from "./protocol";
import { eventData3, frames3, positionOfItem3 } from "./frames";
import type { EventKeyValue3, WatchEvent3 } from "./wire";

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const kv = (key: string, revision: number, fields: Partial<EventKeyValue3> = {}): EventKeyValue3 => ({
  key: bytes(key),
  value: bytes("v"),
  createRevision: revision,
  modRevision: revision,
  version: 1,
  lease: "0",
  ...fields,
});
const put = (key: string, revision: number): WatchEvent3 => ({ type: "put", kv: kv(key, revision) });
const del = (key: string, revision: number): WatchEvent3 => ({ type: "delete", kv: { ...kv(key, revision, { createRevision: 0, version: 0 }), value: new Uint8Array(0) } });

describe("v3 hub frames", () => {
  it("gives a transaction's events ids R.1, R.2, … and its last event R, so a resume within it is exact", () => {
    const items = frames3.events([put("/a", 905), put("/a", 906), del("/b", 906), put("/c", 906), put("/a", 907)]);
    const parsed = new SseParser().push(items.map((item) => item.frame).join(""));
    expect(parsed.map((frame) => [frame.event, frame.id])).toEqual([
      ["put", "905"],
      ["put", "906.1"],
      ["delete", "906.2"],
      ["put", "906"],
      ["put", "907"],
    ]);
    // A reconnect with Last-Event-ID 906.1 gets exactly what followed it, whatever replays the revision.
    const last = lastEventId3Schema.parse("906.1");
    const after = items.filter((item) => comparePositions(item.position, last) > 0).map((item) => item.event.key);
    expect(after.map((key) => Buffer.from(key, "base64").toString())).toEqual(["/b", "/c", "/a"]);
  });

  it("sends keys and values as base64 bytes, a delete without value, a lease only when set, and prevKv", () => {
    const binary = new Uint8Array([0x2f, 0x70, 0xff, 0x00]);
    const event: WatchEvent3 = {
      type: "put",
      kv: kv("/k", 12, { key: binary, value: new Uint8Array(0), createRevision: 10, version: 2, lease: "18301528819393501121" }),
      prevKv: kv("/k", 10, { key: binary, value: bytes("old") }),
    };
    const data = eventData3(event);
    expect(data).toEqual({
      type: "put",
      key: "L3D/AA==",
      value: "",
      createRevision: 10,
      modRevision: 12,
      version: 2,
      lease: "18301528819393501121",
      prevKv: { key: "L3D/AA==", value: "b2xk", createRevision: 10, modRevision: 10, version: 1 },
    });
    expect(watchEventData3Schema.parse(data)).toEqual(data);
    expect(eventData3(del("/gone", 13))).toEqual({ type: "delete", key: "L2dvbmU=", createRevision: 0, modRevision: 13, version: 0 });
  });

  it("frames ready, resync and progress at a revision, and shares v2's status and failure frames", () => {
    expect(frames3.ready(898).frame).toBe('event: ready\nid: 898\ndata: {"revision":898}\n\n');
    expect(frames3.resync(930, "compacted").frame).toBe('event: resync\nid: 930\ndata: {"revision":930,"reason":"compacted"}\n\n');
    expect(frames3.ready({ revision: 906, seq: 1 }).frame).toBe('event: ready\nid: 906.1\ndata: {"revision":906}\n\n');
    expect(frames3.progress(40).frame).toBe("id: 40\n\n");
    expect(positionOfItem3(frames3.progress(40))).toEqual({ revision: 40, seq: Infinity });
    expect(frames3.status("live").frame).toBe(frames.status("live").frame);
    expect(positionOfItem3(frames3.status("retrying", "down"))).toBeUndefined();
  });
});
