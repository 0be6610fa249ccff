import { describe, expect, it } from "vitest";
import { keysResponseJson } from "./reshape";

describe("keysResponseJson", () => {
  it("passes etcd's checked body on with etcdIndex added, equal to encoding the parsed copy", () => {
    const wire = '{"action":"get","node":{"key":"/a","value":"<b>\\u0026","modifiedIndex":4,"createdIndex":4}}\n';
    const parsed = JSON.parse(wire);
    const json = keysResponseJson({ ...parsed, etcdIndex: 9, wire });
    expect(json.startsWith('{"action":"get"')).toBe(true);
    expect(JSON.parse(json)).toEqual({ ...parsed, etcdIndex: 9 });
  });

  it("encodes afresh when the root's key must be filled in, or when there is no body", () => {
    const wire = '{"action":"get","node":{"dir":true,"nodes":[]}}';
    expect(JSON.parse(keysResponseJson({ ...JSON.parse(wire), etcdIndex: 3, wire }))).toEqual({ action: "get", node: { key: "/", dir: true, nodes: [] }, etcdIndex: 3 });
    expect(JSON.parse(keysResponseJson({ action: "set", node: { key: "/k", value: "v" }, etcdIndex: 5 }))).toEqual({ action: "set", node: { key: "/k", value: "v" }, etcdIndex: 5 });
  });
});
