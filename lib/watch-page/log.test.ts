import { describe, expect, it } from "vitest";
import type { WatchAction } from "@/lib/watch/protocol";
import { changeFromV2 } from "./log-change";
import { clear, countEvents, emptyLog, filterEntries, pause, receive, resume, type LogItem } from "./log";

const change = (index: number, action: WatchAction = "set"): LogItem => ({
  kind: "event",
  receivedAt: 1_000 + index,
  change: changeFromV2({ index, action, node: { key: `/k${index}`, value: `v${index}`, modifiedIndex: index } }),
});
const indexes = (entries: readonly LogItem[]) => entries.map((e) => (e.kind === "event" ? e.change.position : -1));

describe("watch log", () => {
  it("keeps batches in order and numbers every entry", () => {
    const log = receive(receive(emptyLog, [change(1), change(2)]), [change(3)]);
    expect(indexes(log.entries)).toEqual([1, 2, 3]);
    expect(log.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(receive(log, [])).toBe(log);
  });

  it("caps what it keeps at the newest entries and counts the dropped ones", () => {
    let log = receive(emptyLog, [change(1), change(2), change(3)], 4);
    log = receive(log, [change(4), change(5), change(6)], 4);
    expect(indexes(log.entries)).toEqual([3, 4, 5, 6]);
    expect(log.dropped).toBe(2);
    log = receive(log, [change(7), change(8), change(9), change(10), change(11)], 4);
    expect(indexes(log.entries)).toEqual([8, 9, 10, 11]);
    expect(log.dropped).toBe(7);
  });

  it("holds what arrives while paused, counts it, and shows it on resume", () => {
    let log = receive(emptyLog, [change(1)]);
    log = pause(log);
    log = receive(log, [change(2), change(3)]);
    expect(indexes(log.entries)).toEqual([1]);
    expect(indexes(log.held)).toEqual([2, 3]);
    log = resume(log);
    expect(log.paused).toBe(false);
    expect(indexes(log.entries)).toEqual([1, 2, 3]);
    expect(log.held).toEqual([]);
    expect(pause(pause(log)).paused).toBe(true);
    expect(resume(log)).toBe(log);
  });

  it("stays within the cap while paused, letting the oldest shown entries go first", () => {
    let log = pause(receive(emptyLog, [change(1), change(2), change(3)], 4));
    log = receive(log, [change(4), change(5)], 4);
    expect(indexes(log.entries)).toEqual([2, 3]);
    expect(indexes(log.held)).toEqual([4, 5]);
    log = receive(log, [change(6), change(7), change(8), change(9), change(10)], 4);
    expect(log.entries).toEqual([]);
    expect(indexes(log.held)).toEqual([7, 8, 9, 10]);
    expect(log.dropped).toBe(6);
    expect(indexes(resume(log).entries)).toEqual([7, 8, 9, 10]);
  });

  it("clears shown and held entries but keeps pausing and numbering", () => {
    let log = pause(receive(emptyLog, [change(1)], 1));
    log = receive(log, [change(2), change(3)], 1);
    log = clear(log);
    expect(log.entries).toEqual([]);
    expect(log.held).toEqual([]);
    expect(log.dropped).toBe(0);
    expect(log.paused).toBe(true);
    expect(resume(receive(log, [change(4)])).entries[0]?.seq).toBe(4);
  });

  it("filters by action, always keeping resync rows", () => {
    const log = receive(emptyLog, [change(1, "set"), change(2, "delete"), { kind: "resync", receivedAt: 5, keyspace: "v2", position: 9, reason: "history-cleared" }, change(10, "expire")]);
    expect(filterEntries(log.entries, "all")).toBe(log.entries);
    expect(indexes(filterEntries(log.entries, "delete"))).toEqual([2, -1]);
    expect(indexes(filterEntries(log.entries, "expire"))).toEqual([-1, 10]);
    expect(countEvents(log.entries)).toBe(3);
  });
});
