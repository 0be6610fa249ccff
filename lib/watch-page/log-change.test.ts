import { describe, expect, it } from "vitest";
import { absentKind, changeFromV2, changeFromV3 } from "./log-change";

const b64 = (bytes: string | Uint8Array) => Buffer.from(bytes).toString("base64");

describe("a v2 change", () => {
  it("puts the previous value beside the new one", () => {
    expect(changeFromV2({ index: 2, action: "set", node: { key: "/a", value: "new" }, prevNode: { key: "/a", value: "old" } }).change).toEqual({
      before: { kind: "text", text: "old" },
      after: { kind: "text", text: "new" },
    });
    expect(changeFromV2({ index: 2, action: "create", node: { key: "/a", value: "" } }).change).toEqual({ before: { kind: "none" }, after: { kind: "text", text: "" } });
  });
  it("shows nothing after a removal, whatever the node still carries", () => {
    for (const action of ["delete", "expire", "compareAndDelete"] as const) {
      expect(changeFromV2({ index: 3, action, node: { key: "/a" }, prevNode: { key: "/a", value: "gone" } }).change).toEqual({
        before: { kind: "text", text: "gone" },
        after: { kind: "none" },
      });
    }
  });
  it("names a missing value after the action", () => {
    expect(absentKind("before", "create")).toBe("none");
    expect(absentKind("after", "expire")).toBe("expired");
    expect(absentKind("after", "compareAndDelete")).toBe("deleted");
  });
  it("marks directories", () => {
    expect(changeFromV2({ index: 4, action: "create", node: { key: "/d", dir: true } }).change.after).toEqual({ kind: "dir" });
  });
});


describe("a v3 change", () => {
  it("maps a put with its previous state: display key, revision, both values, both states' facts", () => {
    const event = {
      type: "put" as const,
      key: b64("/app/cfg"),
      value: b64("new"),
      createRevision: 5,
      modRevision: 9,
      version: 2,
      lease: "7587870000000000001",
      prevKv: { key: b64("/app/cfg"), value: b64("old"), createRevision: 5, modRevision: 5, version: 1 },
    };
    expect(changeFromV3(event)).toEqual({
      position: 9,
      action: "put",
      key: "/app/cfg",
      change: { before: { kind: "text", text: "old" }, after: { kind: "text", text: "new" } },
      facts: {
        previous: [["createRevision", 5], ["modRevision", 5], ["version", 1]],
        current: [["createRevision", 5], ["modRevision", 9], ["version", 2], ["lease", "7587870000000000001"]],
      },
      source: { keyspace: "v3", event },
    });
  });

  it("a new key has no previous state; an empty value is text", () => {
    const change = changeFromV3({ type: "put", key: b64("k"), value: "", createRevision: 3, modRevision: 3, version: 1 });
    expect(change.change).toEqual({ before: { kind: "none" }, after: { kind: "text", text: "" } });
    expect(change.facts.previous).toBeUndefined();
  });

  it("a delete shows the value it removed (prevKv) and none after; its kv holds only the revision", () => {
    const change = changeFromV3({
      type: "delete",
      key: b64("k"),
      createRevision: 0,
      modRevision: 12,
      version: 0,
      prevKv: { key: b64("k"), value: b64("gone"), createRevision: 3, modRevision: 4, version: 2 },
    });
    expect(change).toMatchObject({ position: 12, action: "delete", change: { before: { kind: "text", text: "gone" }, after: { kind: "none" } } });
    expect(change.facts.current).toEqual([["modRevision", 12]]);
    expect(absentKind("after", change.action)).toBe("deleted");
  });

  it("escapes a key that is not UTF-8, and shows a value that is not as bytes (hex dump)", () => {
    const change = changeFromV3({ type: "put", key: b64(Uint8Array.of(0x61, 0xff, 0x5c)), value: b64(Uint8Array.of(0xc3, 0x28)), createRevision: 1, modRevision: 1, version: 1 });
    expect(change.key).toBe("a\\xff\\\\");
    expect(change.change.after).toMatchObject({ kind: "bytes", size: 2 });
    expect(change.change.after.kind === "bytes" && change.change.after.hex).toContain("c3 28");
  });
});
