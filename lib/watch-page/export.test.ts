import { describe, expect, it } from "vitest";
import { buildExport, exportFileName } from "./export";
import { emptyLog, filterEntries, receive } from "./log";
import { changeFromV2, changeFromV3 } from "./log-change";

describe("export", () => {
  it("writes changes with etcd's nodes, and resyncs, oldest first", () => {
    const log = receive(emptyLog, [
      { kind: "event", receivedAt: Date.UTC(2026, 10, 24, 16, 0, 0), change: changeFromV2({ index: 7, action: "set", node: { key: "/a/b", value: "2" }, prevNode: { key: "/a/b", value: "1" } }) },
      { kind: "resync", receivedAt: Date.UTC(2026, 10, 24, 16, 0, 1), keyspace: "v2", position: 2000, reason: "history-cleared" },
      { kind: "event", receivedAt: Date.UTC(2026, 10, 24, 16, 0, 2), change: changeFromV2({ index: 2001, action: "delete", node: { key: "/a/c" } }) },
    ]);
    const file = buildExport({
      cluster: "default",
      spec: { keyspace: "v2", key: "/a", recursive: true },
      filter: "all",
      entries: log.entries,
      dropped: 3,
      now: new Date(Date.UTC(2026, 10, 24, 16, 5, 0)),
    });
    expect(file).toEqual({
      cluster: "default",
      key: "/a",
      recursive: true,
      fromIndex: null,
      filter: "all",
      exportedAt: "2026-11-24T16:05:00.000Z",
      droppedBefore: 3,
      entries: [
        { type: "change", receivedAt: "2026-11-24T16:00:00.000Z", index: 7, action: "set", key: "/a/b", node: { key: "/a/b", value: "2" }, prevNode: { key: "/a/b", value: "1" } },
        { type: "resync", receivedAt: "2026-11-24T16:00:01.000Z", etcdIndex: 2000, reason: "history-cleared" },
        { type: "change", receivedAt: "2026-11-24T16:00:02.000Z", index: 2001, action: "delete", key: "/a/c", node: { key: "/a/c" } },
      ],
    });
    // No prevNode key at all when there was none: JSON consumers can test for its presence.
    expect(Object.keys(file.entries[2]!)).not.toContain("prevNode");
    const filtered = buildExport({ cluster: "x", spec: { keyspace: "v2", key: "/a", recursive: false, fromIndex: 5 }, filter: "delete", entries: filterEntries(log.entries, "delete"), dropped: 0, now: new Date(0) });
    expect(filtered.entries.map((e) => e.type)).toEqual(["resync", "change"]);
    expect(filtered).toMatchObject({ fromIndex: 5 });
  });

  it("writes a v3 panel's changes with the key's display form and the stream's key-values, and its resyncs", () => {
    const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");
    const kv = { key: b64(Uint8Array.of(0x6b, 0xff)), value: b64("2"), createRevision: 4, modRevision: 9, version: 2 };
    const prevKv = { ...kv, value: b64("1"), modRevision: 4, version: 1 };
    const log = receive(emptyLog, [
      { kind: "event", receivedAt: 0, change: changeFromV3({ type: "put", ...kv, prevKv }) },
      { kind: "resync", receivedAt: 1000, keyspace: "v3", position: 40, reason: "compacted" },
    ]);
    const file = buildExport({ cluster: "c", spec: { keyspace: "v3", key: "", prefix: true, fromRevision: 3 }, filter: "all", entries: log.entries, dropped: 0, now: new Date(0) });
    expect(file).toMatchObject({ keyspace: "v3", key: "", prefix: true, fromRevision: 3 });
    expect(file).not.toHaveProperty("recursive");
    expect(file.entries).toEqual([
      { type: "change", receivedAt: "1970-01-01T00:00:00.000Z", revision: 9, action: "put", key: "k\\xff", kv, prevKv },
      { type: "resync", receivedAt: "1970-01-01T00:00:01.000Z", revision: 40, reason: "compacted" },
    ]);
  });

  it("names the file after the cluster, the key and the time", () => {
    const now = new Date(Date.UTC(2026, 10, 24, 16, 3, 1, 250));
    expect(exportFileName("default", "/config/app", now)).toBe("etcd-watch-default-config-app-20261124T160301Z.json");
    expect(exportFileName("prod/east", "/", now)).toBe("etcd-watch-prod-east-root-20261124T160301Z.json");
    expect(exportFileName("a", "/<img src=x onerror=alert(1)>", now)).toBe("etcd-watch-a-img-src-x-onerror-alert-1-20261124T160301Z.json");
  });
});
