import { describe, expect, it } from "vitest";
import { StreamCursor3, watch3StreamUrl } from "./stream-cursor";

describe("StreamCursor3", () => {
  it("hands on each id once, in order, inside a transaction too", () => {
    const cursor = new StreamCursor3();
    expect(["906.1", "906.2", "906", "906.2", "906", "907"].map((id) => cursor.advance(id))).toEqual([true, true, true, false, false, true]);
    expect(cursor.resumeRevision).toBe(908);
  });

  it("reopening inside a revision starts at it, and drops the events of it already handed on", () => {
    const cursor = new StreamCursor3();
    cursor.advance("906.1");
    expect(cursor.resumeRevision).toBe(906);
    expect(["906.1", "906.2", "906"].map((id) => cursor.advance(id))).toEqual([false, true, true]);
  });

  it("starts before fromRevision; ready and resync never move it backwards; foreign ids are refused", () => {
    const cursor = new StreamCursor3(50);
    expect(cursor.resumeRevision).toBe(50);
    expect(cursor.advance("49")).toBe(false);
    cursor.advance("60");
    cursor.restate(55);
    expect(cursor.resumeRevision).toBe(61);
    cursor.restate(70);
    expect(cursor.resumeRevision).toBe(71);
    expect(cursor.advance("abc")).toBe(false);
    expect(cursor.advance("80.0")).toBe(false);
  });
});

describe("watch3StreamUrl", () => {
  it("writes the key as Keys page links do (display form, \\xHH for other bytes), with prefix and fromRevision", () => {
    expect(watch3StreamUrl("prod east", new Uint8Array([0x2f, 0x61, 0xff, 0x20]), true, 7)).toBe("/api/clusters/prod%20east/v3/watch?key=/a%5Cxff%20&prefix=true&fromRevision=7");
    expect(watch3StreamUrl("default", new TextEncoder().encode("/k"), false)).toBe("/api/clusters/default/v3/watch?key=/k");
  });
});
