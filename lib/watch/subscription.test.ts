import { describe, expect, it } from "vitest";
import { frames, toWatchEvent } from "./hub-frames";
import { Subscription } from "./subscription";

const event = (index: number) => frames.event({ index, action: "set", node: { key: "/k", value: String(index), modifiedIndex: index } });
const noop = () => undefined;

describe("Subscription", () => {
  it("hands items on in order and drops events at or below what it already handed on", async () => {
    const s = new Subscription({ items: 100, size: Infinity }, noop);
    s.push(frames.ready(10));
    s.push(event(11));
    s.push(event(11));
    s.push(event(9));
    s.push(frames.progress(11));
    s.push(event(12));
    expect((await s.take(10))!.map((i) => i.type + ("index" in i ? i.index : "etcdIndex" in i ? i.etcdIndex : ""))).toEqual(["ready10", "event11", "event12"]);
  });

  it("holds live items while catching up, then hands them on after the catch-up without repeats", async () => {
    const s = new Subscription({ items: 100, size: Infinity }, noop);
    s.beginCatchUp();
    s.push(event(7));
    s.push(event(8));
    s.pushCatchUp(frames.ready(4));
    s.pushCatchUp(event(5));
    s.pushCatchUp(event(7));
    s.endCatchUp();
    s.push(event(9));
    expect((await s.take(10))!.map((i) => ("index" in i ? i.index : i.type))).toEqual(["ready", 5, 7, 8, 9]);
  });

  it("replaces a backlog longer than its limit with one resync at the newest index", async () => {
    const s = new Subscription({ items: 3, size: Infinity }, noop);
    s.push(frames.ready(0));
    for (let i = 1; i <= 3; i++) s.push(event(i));
    // ready + 3 events > 3: the backlog becomes one resync at 3; later events follow it.
    s.push(event(4));
    const items = (await s.take(10))!;
    expect(items[0]).toMatchObject({ type: "resync", etcdIndex: 3, reason: "too-slow" });
    expect(items.slice(1).map((i) => ("index" in i ? i.index : i.type))).toEqual([4]);
  });

  it("cuts back to a resync when the waiting frames exceed the size limit, however few they are", async () => {
    const big = (index: number) => frames.event({ index, action: "set", node: { key: "/k", value: "x".repeat(1000), modifiedIndex: index } });
    const s = new Subscription({ items: 100, size: 2500 }, noop);
    s.push(frames.ready(0));
    s.push(big(1));
    s.push(big(2));
    expect(((await s.take(10)) ?? []).map((i) => i.type)).toEqual(["ready", "event", "event"]);
    // What was taken no longer counts: two more fit, the third does not.
    s.push(big(3));
    s.push(big(4));
    s.push(big(5));
    const items = (await s.take(10))!;
    expect(items.map((i) => i.type)).toEqual(["resync"]);
    expect(items[0]).toMatchObject({ etcdIndex: 5, reason: "too-slow" });
  });

  it("take waits for an item, times out with [] for a keep-alive, and answers null once closed", async () => {
    const s = new Subscription({ items: 10, size: Infinity }, noop);
    expect(await s.take(20)).toEqual([]);
    const waiting = s.take(5_000);
    s.push(frames.ready(1));
    expect((await waiting)!.map((i) => i.type)).toEqual(["ready"]);
    let closed = 0;
    const t = new Subscription({ items: 10, size: Infinity }, () => closed++);
    const pending = t.take(5_000);
    t.close();
    expect(await pending).toBeNull();
    expect(closed).toBe(1);
  });

  it("finish hands on what is queued (a failure) before ending", async () => {
    const s = new Subscription({ items: 10, size: Infinity }, noop);
    s.push(frames.failure(new Error("x"), { error: { code: "etcd_v2_disabled", message: "off" } }));
    s.finish();
    const items = await s.take(10);
    expect(items!.map((i) => i.frame)).toEqual(['event: failure\ndata: {"error":{"code":"etcd_v2_disabled","message":"off"}}\n\n']);
    expect(await s.take(10)).toBeNull();
  });
});

describe("frames", () => {
  it("frames an event once, with its index as id and the change as data", () => {
    expect(event(3).frame).toBe('event: set\nid: 3\ndata: {"action":"set","node":{"key":"/k","value":"3","modifiedIndex":3}}\n\n');
  });
  it("toWatchEvent keeps watch actions only", () => {
    expect(toWatchEvent(1, { action: "get", node: { key: "/k" } })).toBeUndefined();
    expect(toWatchEvent(2, { action: "expire", node: { key: "/k" }, prevNode: { key: "/k", value: "v" } })).toEqual({ index: 2, action: "expire", node: { key: "/k" }, prevNode: { key: "/k", value: "v" } });
  });
});
