import { describe, expect, it } from "vitest";
import { utf8Bytes } from "@/lib/keyspace3/key-bytes";
import { changesChildren, childId } from "./dir-children";

const listed = new Set([childId({ kind: "leaf", key: "a/x" }), childId({ kind: "dir", key: "a/sub/" })]);
const change = (type: "put" | "delete", key: string) => ({ type, key: utf8Bytes(key) });

describe("changesChildren", () => {
  it("a new child, or a listed one deleted, changes the list", () => {
    expect(changesChildren(utf8Bytes("a/"), listed, change("put", "a/y"))).toBe(true);
    expect(changesChildren(utf8Bytes("a/"), listed, change("put", "a/other/deep/z"))).toBe(true);
    expect(changesChildren(utf8Bytes("a/"), listed, change("delete", "a/x"))).toBe(true);
    // Possibly the subdirectory's last key.
    expect(changesChildren(utf8Bytes("a/"), listed, change("delete", "a/sub/k"))).toBe(true);
  });

  it("a new value of a listed key, a key in a listed subdirectory, or anything outside does not", () => {
    expect(changesChildren(utf8Bytes("a/"), listed, change("put", "a/x"))).toBe(false);
    expect(changesChildren(utf8Bytes("a/"), listed, change("put", "a/sub/new"))).toBe(false);
    expect(changesChildren(utf8Bytes("a/"), listed, change("put", "b/x"))).toBe(false);
    expect(changesChildren(utf8Bytes("a/"), listed, change("delete", "a/y"))).toBe(false);
  });

  it("the root is the empty prefix: every key is under it", () => {
    const root = new Set([childId({ kind: "dir", key: "/" }), childId({ kind: "leaf", key: "plain" })]);
    expect(changesChildren(new Uint8Array(0), root, change("put", "/registry/pods/x"))).toBe(false);
    expect(changesChildren(new Uint8Array(0), root, change("put", "new-top"))).toBe(true);
  });
});
