import { describe, expect, it } from "vitest";
import { deliveryLatencies, judgeDelivery, judgeWrites, percentile, type HistoryEvent, type WriteRecord } from "./fault-verdict";

const history: HistoryEvent[] = [
  { index: 10, key: "/p/a", value: "a1" },
  { index: 11, key: "/p/b", value: "b1" },
  { index: 12, key: "/p/a", value: "a2" },
  { index: 13, key: "/p/a" }, // a delete
];

describe("judgeWrites", () => {
  it("counts outcomes and finds nothing wrong when etcd agrees", () => {
    const writes: WriteRecord[] = [
      { key: "/p/a", value: "a1", outcome: "acknowledged", index: 10 },
      { key: "/p/b", value: "b1", outcome: "unknown" },
      { key: "/p/b", value: "b2", outcome: "unknown" },
      { key: "/p/a", value: "a9", outcome: "failed", status: 412, code: "compare_failed" },
    ];
    expect(judgeWrites(writes, history)).toEqual({ tried: 4, acknowledged: 1, failed: 1, unknown: 2, unknownApplied: 1, lost: [], failedButApplied: [] });
  });

  it("an acknowledged write missing from the history, or at another index or with another value, is lost", () => {
    const missing = { key: "/p/c", value: "c1", outcome: "acknowledged", index: 14 } as const;
    const elsewhere = { key: "/p/a", value: "a2", outcome: "acknowledged", index: 11 } as const;
    const noIndex = { key: "/p/a", value: "a1", outcome: "acknowledged" } as const;
    expect(judgeWrites([missing, elsewhere, noIndex], history).lost).toEqual([missing, elsewhere, noIndex]);
  });

  it("a write reported failed that etcd applied is caught", () => {
    const lie = { key: "/p/a", value: "a2", outcome: "failed", status: 504 } as const;
    expect(judgeWrites([lie], history).failedButApplied).toEqual([lie]);
  });
});

describe("judgeDelivery", () => {
  it("every event once and in order", () => {
    const received = [10, 11, 12, 13].map((index) => ({ type: "event", index }) as const);
    expect(judgeDelivery(received, history, 10, 13)).toMatchObject({ expected: 4, received: 4, duplicates: [], outOfOrder: [], missing: [], resyncs: 0 });
  });

  it("only the span owed counts", () => {
    expect(judgeDelivery([{ type: "event", index: 12 }], history, 12, 12)).toMatchObject({ expected: 1, missing: [] });
  });

  it("finds duplicates, disorder, gaps and invented events", () => {
    const received = [10, 12, 12, 11, 99].map((index) => ({ type: "event", index }) as const);
    expect(judgeDelivery(received, history, 10, 13)).toMatchObject({ duplicates: [12], outOfOrder: [11], missing: [13], invented: [99] });
  });

  it("a resync excuses the events between the last one received and its index, no others", () => {
    const received = [{ type: "event", index: 10 }, { type: "resync", etcdIndex: 12 }, { type: "event", index: 13 }] as const;
    expect(judgeDelivery(received, history, 10, 13)).toMatchObject({ coveredByResync: 2, missing: [], resyncs: 1 });
    const late = [{ type: "resync", etcdIndex: 10 }, { type: "event", index: 13 }] as const;
    expect(judgeDelivery(late, history, 10, 13)).toMatchObject({ coveredByResync: 1, missing: [11, 12] });
  });
});

describe("deliveryLatencies", () => {
  it("from each acknowledgement to the subscriber's receipt, for acknowledged writes it received", () => {
    const writes: WriteRecord[] = [
      { key: "/p/a", value: "a1", outcome: "acknowledged", index: 10, ackedAt: 100 },
      { key: "/p/b", value: "b1", outcome: "acknowledged", index: 11, ackedAt: 105 },
      { key: "/p/a", value: "a2", outcome: "unknown" },
      { key: "/p/a", value: "a3", outcome: "acknowledged", index: 12, ackedAt: 200 },
    ];
    // An event can arrive before the acknowledgement does: that counts as 0.
    expect(deliveryLatencies(writes, new Map([[10, 130], [11, 104], [13, 300]]))).toEqual([30, 0]);
  });
});

describe("percentile", () => {
  it("nearest rank", () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 100)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 1)).toBe(1);
  });
});

// The v3 phases judge revisions with the same rules: a phase's history as the v3 witness reads it (puts with
// values, a delete without one), and what a v3 subscriber recorded from ids `R`.
describe("the same verdicts on v3 revisions", () => {
  const history3: HistoryEvent[] = [
    { index: 300, key: "/faults3/c/stable", value: "stable" },
    { index: 301, key: "/faults3/c/w0", value: "w0-0" },
    { index: 302, key: "/faults3/c/w1", value: "w1-0" },
    { index: 303, key: "/faults3/c/w0", value: "w0-1" },
    { index: 304, key: "/faults3/c/mark1", value: "mark1" }, // compacted at 304
    { index: 305, key: "/faults3/c/w1", value: "w1-1" },
    { index: 306, key: "/faults3/c/end", value: "end" },
  ];
  const events = (...revisions: number[]) => revisions.map((index) => ({ type: "event", index }) as const);

  it("an acknowledged save the history does not hold at its revision is a lost write", () => {
    const acked = { key: "/faults3/c/w0", value: "w0-1", outcome: "acknowledged", index: 303 } as const;
    const lost = { key: "/faults3/c/w1", value: "w1-2", outcome: "acknowledged", index: 305 } as const;
    expect(judgeWrites([acked, lost], history3)).toMatchObject({ acknowledged: 2, lost: [lost] });
  });

  it("a subscriber that misses one revision has a silent gap", () => {
    expect(judgeDelivery(events(301, 302, 304, 305, 306), history3, 301, 306)).toMatchObject({ missing: [303], coveredByResync: 0 });
  });

  it("a subscriber behind a compaction: the resync excuses what it skips, the events after it are owed again", () => {
    // As the dashboard sends it: ready at 299 (fromRevision 300), a resync at the revision the upstream holds from, then events.
    const told = [{ type: "resync", etcdIndex: 304 }, ...events(305, 306)] as const;
    expect(judgeDelivery(told, history3, 300, 306)).toMatchObject({ coveredByResync: 5, missing: [], resyncs: 1 });
    // The same stream without the resync is a silent gap, and so is one that skips an event after it.
    expect(judgeDelivery(events(305, 306), history3, 300, 306).missing).toEqual([300, 301, 302, 303, 304]);
    expect(judgeDelivery([{ type: "resync", etcdIndex: 304 }, ...events(306)], history3, 300, 306).missing).toEqual([305]);
  });

  it("a revision delivered again after a reconnect is a duplicate", () => {
    expect(judgeDelivery(events(301, 302, 303, 303, 304, 305, 306), history3, 301, 306)).toMatchObject({ duplicates: [303], missing: [] });
  });
});
