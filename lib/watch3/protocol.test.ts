import { describe, expect, it } from "vitest";
import { comparePositions, formatEventId3, lastEventId3Schema, startRevisionAfter, watch3QuerySchema, watchEventData3Schema } from "./protocol";

describe("v3 watch protocol", () => {
  it("writes and reads back ids: R for a complete revision, R.n within one", () => {
    for (const position of [
      { revision: 906, seq: Infinity },
      { revision: 906, seq: 2 },
      { revision: 0, seq: Infinity },
    ]) {
      expect(lastEventId3Schema.parse(formatEventId3(position))).toEqual(position);
    }
    expect(formatEventId3({ revision: 906, seq: 1 })).toBe("906.1");
    expect(formatEventId3({ revision: 906, seq: Infinity })).toBe("906");
  });

  it("refuses Last-Event-IDs it never sends", () => {
    for (const id of ["", "-1", "abc", "906.0", "1.2.3", "906.", ".1", "99999999999999999"]) expect(lastEventId3Schema.safeParse(id).success, id).toBe(false);
  });

  it("orders positions like the stream: within a revision by count, a complete revision after all of its parts", () => {
    const sorted = [
      { revision: 6, seq: 1 },
      { revision: 5, seq: Infinity },
      { revision: 5, seq: 2 },
      { revision: 5, seq: 1 },
    ].sort(comparePositions);
    expect(sorted.map(formatEventId3)).toEqual(["5.1", "5.2", "5", "6.1"]);
    expect(comparePositions({ revision: 5, seq: Infinity }, { revision: 5, seq: Infinity })).toBe(0);
  });

  it("resumes after a complete revision from the next one, and within a revision from that revision", () => {
    expect(startRevisionAfter(lastEventId3Schema.parse("906"))).toBe(907);
    expect(startRevisionAfter(lastEventId3Schema.parse("906.2"))).toBe(906);
  });

  it("reads the route's query: prefix and the first revision wanted", () => {
    expect(watch3QuerySchema.parse({ prefix: "true", fromRevision: "12" })).toEqual({ prefix: true, fromRevision: 12 });
    expect(watch3QuerySchema.parse({})).toEqual({ prefix: false });
    expect(watch3QuerySchema.safeParse({ fromRevision: "0" }).success).toBe(false);
    expect(watch3QuerySchema.safeParse({ waitIndex: "3" }).success).toBe(false);
  });

  it("checks an event's data in the browser: base64 bytes, revisions, a lease as a decimal string", () => {
    const data = { type: "put", key: "L3Av/w==", value: "", createRevision: 3, modRevision: 9, version: 2, lease: "18301528819393501121" };
    expect(watchEventData3Schema.parse(data)).toEqual(data);
    expect(watchEventData3Schema.safeParse({ ...data, key: "/p/\u00ff" }).success).toBe(false);
    expect(watchEventData3Schema.safeParse({ ...data, type: "set" }).success).toBe(false);
    expect(watchEventData3Schema.safeParse({ ...data, lease: 18301528819393501121 }).success).toBe(false);
  });
});
