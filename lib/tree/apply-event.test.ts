import type { V2Node } from "@/lib/etcd/wire";
import { describe, expect, it } from "vitest";
import type { KeyResponse } from "@/lib/api/types";
import type { WatchAction, WatchEvent } from "@/lib/watch/protocol";
import { applyWatchEvents, mergeChildren, type CachedKeys } from "./apply-event";

const listing = (key: string, etcdIndex: number, ...nodes: V2Node[]): KeyResponse => ({ action: "get", node: { key, dir: true, nodes }, etcdIndex });
const file = (key: string, index: number, extra: Partial<V2Node> = {}): V2Node => ({ key, value: `v${index}`, createdIndex: index, modifiedIndex: index, ...extra });
const dir = (key: string, index: number, extra: Partial<V2Node> = {}): V2Node => ({ key, dir: true, createdIndex: index, modifiedIndex: index, ...extra });
const event = (action: WatchAction, node: V2Node, prevNode?: V2Node): WatchEvent => ({ index: node.modifiedIndex!, action, node, prevNode });
const childKeys = (response: KeyResponse | undefined) => response?.node?.nodes?.map((n) => n.key);

const cache = (...entries: [string, KeyResponse][]): CachedKeys => new Map(entries);

describe("applyWatchEvents: writes", () => {
  const base = cache(["/", listing("/", 10, dir("/apps", 2), file("/readme", 3))], ["/apps", listing("/apps", 10, file("/apps/a", 4), file("/apps/c", 5))]);

  it("inserts a created key in its sorted place and flashes it", () => {
    const { updated, removed, changed } = applyWatchEvents(base, [event("create", file("/apps/b", 11))]);
    expect(childKeys(updated.get("/apps"))).toEqual(["/apps/a", "/apps/b", "/apps/c"]);
    expect(updated.get("/apps")!.etcdIndex).toBe(11);
    expect(updated.has("/")).toBe(false);
    expect(removed.size).toBe(0);
    expect(changed).toEqual(new Map([["/apps/b", 11]]));
  });

  it("replaces a changed key's row with the event's node (new TTL and indexes) and never mutates the cache", () => {
    const changedNode = file("/apps/a", 12, { ttl: 300, expiration: "2030-01-01T00:00:00Z", createdIndex: 4 });
    const before = structuredClone(base.get("/apps"));
    const { updated } = applyWatchEvents(base, [event("set", changedNode, file("/apps/a", 4))]);
    expect(updated.get("/apps")!.node!.nodes![0]).toEqual(changedNode);
    expect(base.get("/apps")).toEqual(before);
  });

  it("updates the open key's own entry, and a directory's own entry keeps its children", () => {
    const open = cache(["/apps/a", { action: "get", node: file("/apps/a", 4), etcdIndex: 10 }], ...base);
    const { updated } = applyWatchEvents(open, [event("compareAndSwap", file("/apps/a", 12)), event("update", dir("/apps", 13, { createdIndex: 2, ttl: 60 }))]);
    expect(updated.get("/apps/a")).toEqual({ action: "compareAndSwap", node: file("/apps/a", 12), prevNode: undefined, etcdIndex: 12 });
    const apps = updated.get("/apps")!;
    expect(apps.node).toMatchObject({ key: "/apps", dir: true, ttl: 60, modifiedIndex: 13 });
    expect(childKeys(apps)).toEqual(["/apps/a", "/apps/c"]);
    // …and its row in "/" shows the TTL, without children riding along.
    expect(updated.get("/")!.node!.nodes![0]).toEqual(dir("/apps", 13, { createdIndex: 2, ttl: 60 }));
  });

  it("adds rows for directories a deep write created silently", () => {
    const { updated, changed } = applyWatchEvents(base, [event("set", file("/new/deep/key", 11))]);
    expect(childKeys(updated.get("/"))).toEqual(["/apps", "/new", "/readme"]);
    expect(updated.get("/")!.node!.nodes![1]).toEqual(dir("/new", 11));
    expect(changed.get("/new")).toBe(11);
  });

  it("does not touch an existing ancestor directory on a deep write", () => {
    const { updated } = applyWatchEvents(base, [event("set", file("/apps/x/y/z", 11))]);
    expect(childKeys(updated.get("/apps"))).toEqual(["/apps/a", "/apps/c", "/apps/x"]);
    expect(updated.has("/")).toBe(false);
  });

  it("skips an event the cached listing already holds (read after it while the stream lagged)", () => {
    const { updated, changed } = applyWatchEvents(base, [event("delete", file("/apps/a", 9)), event("set", file("/apps/z", 10))]);
    expect(updated.size).toBe(0);
    expect(changed.size).toBe(0);
  });

  it("ignores hidden keys, which listings leave out", () => {
    expect(applyWatchEvents(base, [event("set", file("/apps/_secret", 11))]).updated.size).toBe(0);
  });

  it("touches nothing when the key's directory is not cached", () => {
    expect(applyWatchEvents(cache(["/apps", base.get("/apps")!]), [event("set", file("/other/x", 11))]).updated.size).toBe(0);
  });
});

describe("applyWatchEvents: deletes and expiries", () => {
  const base = cache(
    ["/", listing("/", 10, dir("/apps", 2), file("/readme", 3))],
    ["/apps", listing("/apps", 10, dir("/apps/web", 4), file("/apps/x", 5))],
    ["/apps/web", listing("/apps/web", 10, file("/apps/web/port", 6))],
    ["/apps/web/port", { action: "get", node: file("/apps/web/port", 6), etcdIndex: 10 }],
  );

  it("removes a deleted key's row and its own entry", () => {
    const { updated, removed } = applyWatchEvents(base, [event("delete", { key: "/apps/x", modifiedIndex: 11, createdIndex: 5 })]);
    expect(childKeys(updated.get("/apps"))).toEqual(["/apps/web"]);
    expect([...removed]).toEqual([]);
  });

  it("an expired directory takes its row, its listing and every entry below it", () => {
    const { updated, removed } = applyWatchEvents(base, [event("expire", dir("/apps", 11), dir("/apps", 2))]);
    expect(childKeys(updated.get("/"))).toEqual(["/readme"]);
    expect(removed).toEqual(new Set(["/apps", "/apps/web", "/apps/web/port"]));
    expect(updated.has("/apps")).toBe(false);
  });

  it("a key deleted and created again in one batch is back, changed rows are dropped with their directory", () => {
    const { updated, removed, changed } = applyWatchEvents(base, [
      event("set", file("/apps/web/host", 11)),
      event("delete", dir("/apps/web", 12)),
      event("set", file("/apps/x", 13)),
      event("delete", file("/apps/x", 14)),
      event("create", file("/apps/x", 15)),
    ]);
    expect(childKeys(updated.get("/apps"))).toEqual(["/apps/x"]);
    expect(updated.get("/apps")!.node!.nodes![0]!.modifiedIndex).toBe(15);
    expect(removed).toEqual(new Set(["/apps/web", "/apps/web/port"]));
    expect(changed).toEqual(new Map([["/apps/web/host", 11], ["/apps/x", 15]]));
  });

  it("compareAndDelete removes like delete", () => {
    const { updated, removed } = applyWatchEvents(base, [event("compareAndDelete", file("/apps/web/port", 11))]);
    expect(childKeys(updated.get("/apps/web"))).toEqual([]);
    expect(removed).toEqual(new Set(["/apps/web/port"]));
  });
});

describe("applyWatchEvents: a burst into a big directory", () => {
  // How fast is for bench/ to say (timed unit tests fail on a loaded machine); this checks the outcome.
  it("applies 2,000 events to 100,000 children, in order", () => {
    const children = Array.from({ length: 100_000 }, (_, i) => file(`/big/k${String(i).padStart(6, "0")}`, 1));
    const base = cache(["/big", listing("/big", 1, ...children)]);
    const events: WatchEvent[] = [];
    for (let i = 0; i < 1000; i++) events.push(event("delete", file(`/big/k${String(i * 2).padStart(6, "0")}`, 2 + i)));
    for (let i = 0; i < 1000; i++) events.push(event("create", file(`/big/n${String(i).padStart(6, "0")}`, 2000 + i)));
    const { updated } = applyWatchEvents(base, events);
    const nodes = updated.get("/big")!.node!.nodes!;
    expect(nodes).toHaveLength(100_000);
    expect(nodes[0]!.key).toBe("/big/k000001");
    expect(nodes[99_999]!.key).toBe("/big/n000999");
  });
});

describe("mergeChildren", () => {
  it("inserts, replaces and removes in one sorted pass", () => {
    const children = [file("/a", 1), file("/c", 1), file("/e", 1)];
    const merged = mergeChildren(children, new Map<string, V2Node | null>([["/d", file("/d", 2)], ["/a", null], ["/e", file("/e", 3)], ["/0", file("/0", 4)]]));
    expect(merged.map((n) => [n.key, n.modifiedIndex])).toEqual([["/0", 4], ["/c", 1], ["/d", 2], ["/e", 3]]);
  });

  it("removing a key that is not there changes nothing", () => {
    expect(mergeChildren([file("/a", 1)], new Map([["/b", null]]))).toEqual([file("/a", 1)]);
  });
});
