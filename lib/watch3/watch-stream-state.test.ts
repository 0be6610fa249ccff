// Scripted message sequences from the reference (/work/shared/etcd-v3-api.md §6), shaped as proto-loader
// hands them over with `keepCase`, `longs: String`, `defaults: true`.
import { describe, expect, it } from "vitest";
import type { RawEvent, RawWatchResponse } from "./wire";
import { WatchStreamState, type Delivery3 } from "./watch-stream-state";

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const header = (revision?: number) => ({ cluster_id: "13455796455940752355", member_id: "443629905751424238", revision: revision === undefined ? "0" : String(revision), raft_term: "2" });
/** A message with every field at its default, as `defaults: true` fills them in. */
const message = (fields: Partial<RawWatchResponse>): RawWatchResponse => ({
  header: header(),
  watch_id: "0",
  created: false,
  canceled: false,
  compact_revision: "0",
  cancel_reason: "",
  fragment: false,
  events: [],
  ...fields,
});
/** A message of a watch the server numbered 0: no watch_id on the wire (§6.1). */
const numberedByServer = (fields: Partial<RawWatchResponse>): RawWatchResponse => {
  const { watch_id: _omitted, ...rest } = message(fields);
  return rest;
};
const put = (key: string, revision: number, value = "v"): RawEvent => ({
  type: "PUT",
  kv: { key: bytes(key), create_revision: String(revision), mod_revision: String(revision), version: "1", value: bytes(value), lease: "0" },
  prev_kv: null,
});
const del = (key: string, revision: number): RawEvent => ({
  type: "DELETE",
  kv: { key: bytes(key), create_revision: "0", mod_revision: String(revision), version: "0", value: new Uint8Array(0), lease: "0" },
  prev_kv: null,
});
const puts = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => put(`w/${from + i}`, from + i));
/** What was delivered, in short: "ready@899", "events 900..1909", "progress@3", … */
const summary = (deliveries: Delivery3<string>[]) =>
  deliveries.map((d) => {
    switch (d.type) {
      case "events":
        return `${d.watch} events ${d.events[0]!.kv.modRevision}..${d.revision} (${d.events.length})`;
      case "ready":
      case "progress":
        return `${d.watch} ${d.type}@${d.revision}`;
      case "compacted":
        return `${d.watch} compacted@${d.compactRevision}`;
      default:
        return `${d.watch} ${d.type}`;
    }
  });
const createOf = (request: unknown) => (request as { create_request: Record<string, unknown> }).create_request;

function openWith(...watches: [string, Parameters<WatchStreamState<string>["add"]>[1]][]) {
  const state = new WatchStreamState<string>();
  for (const [token, spec] of watches) state.add(token, spec);
  const creates = state.streamOpened().send.map(createOf);
  return { state, creates };
}

describe("WatchStreamState: ids and creates", () => {
  it("chooses its own ids from 1, asks for fragments and progress, and starts from the requested revision", () => {
    const { creates } = openWith(["a", { key: bytes("w/"), rangeEnd: bytes("w0"), startRevision: 900, prevKv: true }], ["b", { key: bytes("k") }]);
    // Bytes go out as Buffers, the loader's type for bytes fields.
    expect(creates).toEqual([
      { key: Buffer.from("w/"), range_end: Buffer.from("w0"), start_revision: "900", progress_notify: true, prev_kv: true, watch_id: "1", fragment: true },
      { key: Buffer.from("k"), progress_notify: true, watch_id: "2", fragment: true },
    ]);
  });

  it("sends nothing until a stream opens, then creates every watch", () => {
    const state = new WatchStreamState<string>();
    expect(state.add("a", { key: bytes("k") }).send).toEqual([]);
    expect(state.streamOpened().send).toHaveLength(1);
    expect(state.add("b", { key: bytes("j") }).send).toHaveLength(1);
  });

  it("routes messages by watch id, and adopts the server's numbering where it ignores ours (watch 0 carries no watch_id)", () => {
    const { state } = openWith(["a", { key: bytes("a") }], ["b", { key: bytes("b") }]);
    // A server numbering watches itself: 0 (no watch_id on the wire, §6.1), then 1.
    expect(summary(state.receive(numberedByServer({ header: header(898), created: true })).deliver)).toEqual(["a ready@898"]);
    expect(summary(state.receive(message({ header: header(898), watch_id: "1", created: true })).deliver)).toEqual(["b ready@898"]);
    expect(summary(state.receive(numberedByServer({ header: header(899), events: [put("a", 899)] })).deliver)).toEqual(["a events 899..899 (1)"]);
    expect(summary(state.receive(message({ header: header(900), watch_id: "1", events: [put("b", 900)] })).deliver)).toEqual(["b events 900..900 (1)"]);
  });

  it("keeps a watch whose create failed on a stale token, to be re-created on a stream with a fresh one (§9)", () => {
    const { state } = openWith(["a", { key: bytes("a"), startRevision: 7 }]);
    const reason = "rpc error: code = Unauthenticated desc = etcdserver: invalid auth token";
    expect(state.receive(message({ watch_id: "1", created: true, canceled: true, cancel_reason: reason })).deliver).toEqual([{ type: "reauthenticate", watch: "a", reason }]);
    expect(state.has("a")).toBe(true);
    expect(state.streamOpened().send.map(createOf)).toMatchObject([{ start_revision: "7", watch_id: "2" }]);
    expect(summary(state.receive(message({ header: header(9), watch_id: "2", created: true })).deliver)).toEqual(["a ready@6"]);
  });

  it("starts afresh when a stream opens again without an end reported: old creates, ids and fragments are forgotten", () => {
    const { state } = openWith(["a", { key: bytes("a"), startRevision: 3 }]);
    state.receive(numberedByServer({ header: header(9), created: true }));
    state.receive(numberedByServer({ header: header(9), fragment: true, events: [put("a", 3)] }));
    expect(state.streamOpened().send.map(createOf)).toMatchObject([{ watch_id: "2", start_revision: "3" }]);
    expect(state.receive(numberedByServer({ header: header(9), created: true })).deliver).toEqual([{ type: "resumed", watch: "a" }]);
    expect(summary(state.receive(numberedByServer({ header: header(9), events: [put("a", 4)] })).deliver)).toEqual(["a events 4..4 (1)"]);
  });

  it("turns a refused create into `refused` for that watch only (creates are answered in order)", () => {
    const { state } = openWith(["a", { key: bytes("secret") }], ["b", { key: bytes("cfg") }]);
    const reason = "rpc error: code = PermissionDenied desc = etcdserver: permission denied";
    expect(state.receive(message({ watch_id: "1", created: true, canceled: true, cancel_reason: reason })).deliver).toEqual([{ type: "refused", watch: "a", reason }]);
    expect(summary(state.receive(message({ header: header(5), watch_id: "2", created: true })).deliver)).toEqual(["b ready@5"]);
    expect(state.has("a")).toBe(false);
    expect(state.receive(message({ watch_id: "-1", created: true, canceled: true, cancel_reason: "mvcc: duplicate watch ID provided on the WatchStream" })).deliver).toEqual([]);
  });
});

describe("WatchStreamState: resume", () => {
  it("resumes after a catch-up batch from its last event's mod_revision + 1, not from the header revision ahead of it (gotcha 9)", () => {
    const { state } = openWith(["a", { key: bytes("w/"), rangeEnd: bytes("w0"), startRevision: 900 }]);
    expect(summary(state.receive(message({ header: header(3411), watch_id: "1", created: true })).deliver)).toEqual(["a ready@899"]);
    expect(summary(state.receive(message({ header: header(3411), watch_id: "1", events: puts(900, 1909) })).deliver)).toEqual(["a events 900..1909 (1010)"]);
    expect(state.resumeRevision("a")).toBe(1910);
    state.streamEnded();
    expect(state.streamOpened().send.map(createOf)[0]).toMatchObject({ start_revision: "1910" });
  });

  it("never moves a resume point for a progress_request reply (watch_id -1) that overtakes catch-up events (§6.5)", () => {
    const { state } = openWith(["a", { key: bytes("w/"), rangeEnd: bytes("w0"), startRevision: 1013 }]);
    state.receive(message({ header: header(3413), watch_id: "1", created: true }));
    expect(state.receive(message({ header: header(3413), watch_id: "-1" })).deliver).toEqual([]);
    expect(state.resumeRevision("a")).toBe(1013);
    expect(summary(state.receive(message({ header: header(3413), watch_id: "1", events: puts(1013, 2012) })).deliver)).toEqual(["a events 1013..2012 (1000)"]);
    // A reply lower than what was delivered (114 of 2282 under load) changes nothing either.
    expect(state.receive(message({ header: header(1500), watch_id: "-1" })).deliver).toEqual([]);
    expect(state.resumeRevision("a")).toBe(2013);
  });

  it("lets a watch's periodic progress move its resume point forward, never backwards (§6.3)", () => {
    const { state } = openWith(["a", { key: bytes("quiet") }]);
    state.receive(message({ header: header(10), watch_id: "1", created: true }));
    expect(summary(state.receive(message({ header: header(40), watch_id: "1" })).deliver)).toEqual(["a progress@40"]);
    expect(state.resumeRevision("a")).toBe(41);
    expect(state.receive(message({ header: header(30), watch_id: "1" })).deliver).toEqual([]);
    expect(state.receive(message({ header: header(40), watch_id: "1" })).deliver).toEqual([]);
    expect(state.resumeRevision("a")).toBe(41);
  });

  it("starts a watch without a start revision after the created reply's revision, and keeps that point across streams", () => {
    const { state } = openWith(["a", { key: bytes("k") }]);
    expect(state.resumeRevision("a")).toBeUndefined();
    expect(summary(state.receive(message({ header: header(898), watch_id: "1", created: true })).deliver)).toEqual(["a ready@898"]);
    state.streamEnded();
    expect(state.streamOpened().send.map(createOf)[0]).toMatchObject({ start_revision: "899", watch_id: "2" });
    // Re-created: no second `ready`, a `resumed` instead.
    expect(state.receive(message({ header: header(905), watch_id: "2", created: true })).deliver).toEqual([{ type: "resumed", watch: "a" }]);
  });

  it("re-creates every watch on a new stream from its own resume point after the stream ends", () => {
    const { state } = openWith(["a", { key: bytes("a"), startRevision: 5 }], ["b", { key: bytes("b") }], ["c", { key: bytes("c"), startRevision: 7 }]);
    state.receive(message({ header: header(20), watch_id: "1", created: true }));
    state.receive(message({ header: header(20), watch_id: "2", created: true }));
    state.receive(message({ header: header(20), watch_id: "1", events: [put("a", 12)] }));
    // "c" was never answered: it is re-created from where it was asked to start.
    state.streamEnded();
    expect(state.streamOpened().send.map(createOf).map((c) => [String(Buffer.from(c.key as Uint8Array)), c.start_revision])).toEqual([
      ["a", "13"],
      ["b", "21"],
      ["c", "7"],
    ]);
  });

  it("drops events at or below what was delivered after a failover, and keeps every event of a new revision", () => {
    const { state } = openWith(["a", { key: bytes("w/"), rangeEnd: bytes("w0"), startRevision: 900 }]);
    state.receive(message({ header: header(905), watch_id: "1", created: true }));
    state.receive(message({ header: header(905), watch_id: "1", events: puts(900, 905) }));
    state.streamEnded();
    state.streamOpened();
    state.receive(message({ header: header(906), watch_id: "2", created: true }));
    // A txn at 906 wrote two keys: both are new; 904 and 905 were delivered before the failover.
    const repeated = [put("w/904", 904), put("w/905", 905), put("w/x", 906), del("w/y", 906)];
    const delivered = state.receive(message({ header: header(906), watch_id: "2", events: repeated })).deliver;
    expect(summary(delivered)).toEqual(["a events 906..906 (2)"]);
    expect(state.receive(message({ header: header(906), watch_id: "2", events: [put("w/x", 906)] })).deliver).toEqual([]);
  });
});

describe("WatchStreamState: fragments, compaction, cancel", () => {
  it("joins fragments: 6 × 1 MB events arriving as 2 + 2 + 2 are delivered once, whole (§6.3)", () => {
    const { state } = openWith(["a", { key: bytes("big/"), rangeEnd: bytes("big0"), startRevision: 100 }]);
    state.receive(message({ header: header(106), watch_id: "1", created: true }));
    const big = (revision: number) => put(`big/${revision}`, revision, "x".repeat(1 << 20));
    expect(state.receive(message({ header: header(106), watch_id: "1", fragment: true, events: [big(101), big(102)] })).deliver).toEqual([]);
    expect(state.receive(message({ header: header(106), watch_id: "1", fragment: true, events: [big(103), big(104)] })).deliver).toEqual([]);
    expect(state.resumeRevision("a")).toBe(100);
    const whole = state.receive(message({ header: header(106), watch_id: "1", events: [big(105), big(106)] })).deliver;
    expect(summary(whole)).toEqual(["a events 101..106 (6)"]);
    expect(state.resumeRevision("a")).toBe(107);
  });

  it("drops the fragments of a stream that ended mid-way; the new stream sends them again from the resume point", () => {
    const { state } = openWith(["a", { key: bytes("big/"), startRevision: 100 }]);
    state.receive(message({ header: header(106), watch_id: "1", created: true }));
    state.receive(message({ header: header(106), watch_id: "1", fragment: true, events: [put("big/1", 101), put("big/2", 102)] }));
    state.streamEnded();
    expect(state.streamOpened().send.map(createOf)[0]).toMatchObject({ start_revision: "100" });
    state.receive(message({ header: header(106), watch_id: "2", created: true }));
    expect(summary(state.receive(message({ header: header(106), watch_id: "2", events: [put("big/1", 101), put("big/2", 102), put("big/3", 103)] })).deliver)).toEqual([
      "a events 101..103 (3)",
    ]);
  });

  it("drops partial fragments at a stream's end even where the server numbers watches again from 0", () => {
    const { state } = openWith(["a", { key: bytes("big/"), startRevision: 100 }]);
    state.receive(numberedByServer({ header: header(106), created: true }));
    state.receive(numberedByServer({ header: header(106), fragment: true, events: [put("big/1", 101), put("big/2", 102)] }));
    state.streamEnded();
    state.streamOpened();
    state.receive(numberedByServer({ header: header(106), created: true }));
    expect(summary(state.receive(numberedByServer({ header: header(106), events: [put("big/1", 101)] })).deliver)).toEqual(["a events 101..101 (1)"]);
  });

  it("turns a compaction cancel into `compacted` with the watch's spec, and forgets the watch (§6.4)", () => {
    const spec = { key: bytes("w/"), rangeEnd: bytes("w0"), startRevision: 800 };
    const { state } = openWith(["a", spec]);
    state.receive(message({ header: header(930), watch_id: "1", created: true }));
    // The compaction cancel has no header revision.
    const delivered = state.receive(message({ header: { cluster_id: "1", member_id: "2", raft_term: "2" }, watch_id: "1", canceled: true, compact_revision: "921" })).deliver;
    expect(delivered).toEqual([{ type: "compacted", watch: "a", compactRevision: 921, spec }]);
    expect(state.has("a")).toBe(false);
    state.streamEnded();
    expect(state.streamOpened().send).toEqual([]);
  });

  it("reports a cancel by etcd without compaction as `canceled`", () => {
    const { state } = openWith(["a", { key: bytes("k") }]);
    state.receive(message({ header: header(3), watch_id: "1", created: true }));
    expect(state.receive(message({ watch_id: "1", canceled: true, cancel_reason: "gone" })).deliver).toEqual([{ type: "canceled", watch: "a", reason: "gone" }]);
  });

  it("cancels a removed watch, at once or once its create is answered, and drops what still arrives for it", () => {
    const { state } = openWith(["a", { key: bytes("a") }], ["b", { key: bytes("b") }]);
    state.receive(message({ header: header(3), watch_id: "1", created: true }));
    expect(state.remove("a").send).toEqual([{ cancel_request: { watch_id: "1" } }]);
    expect(state.remove("b").send).toEqual([]);
    expect(state.receive(message({ header: header(3), watch_id: "1", events: [put("a", 4)] })).deliver).toEqual([]);
    expect(state.receive(message({ header: header(4), watch_id: "1", canceled: true })).deliver).toEqual([]);
    // b's create is answered after its removal: it is canceled then.
    expect(state.receive(message({ header: header(4), watch_id: "2", created: true }))).toEqual({ deliver: [], send: [{ cancel_request: { watch_id: "2" } }] });
    expect(state.receive(message({ header: header(5), watch_id: "2", events: [put("b", 5)] })).deliver).toEqual([]);
    expect(state.size).toBe(0);
  });

  it("gives every create a fresh id, so a re-added watch never gets its predecessor's late messages", () => {
    const { state } = openWith(["a", { key: bytes("a") }]);
    state.receive(message({ header: header(3), watch_id: "1", created: true }));
    state.remove("a");
    expect(createOf(state.add("a", { key: bytes("a"), startRevision: 4 }).send[0])).toMatchObject({ watch_id: "2" });
    expect(state.receive(message({ header: header(4), watch_id: "1", events: [put("a", 4)] })).deliver).toEqual([]);
    state.receive(message({ header: header(4), watch_id: "2", created: true }));
    expect(summary(state.receive(message({ header: header(4), watch_id: "2", events: [put("a", 4)] })).deliver)).toEqual(["a events 4..4 (1)"]);
  });
});
