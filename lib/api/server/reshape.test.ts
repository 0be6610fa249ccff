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

  it("adds the listed root's key to etcd's body, which has none", () => {
    const wire = '{"action":"get","node":{"dir":true,"nodes":[{"key":"/a","value":"1","modifiedIndex":2,"createdIndex":2}]}}\n';
    const parsed = JSON.parse(wire);
    const json = keysResponseJson({ ...parsed, node: { ...parsed.node, key: "/" }, rootKeyFilled: true, etcdIndex: 3, wire });
    expect(json.startsWith('{"action":"get","node":{"key":"/","dir":true')).toBe(true);
    expect(JSON.parse(json)).toEqual({ action: "get", node: { key: "/", dir: true, nodes: parsed.node.nodes }, etcdIndex: 3 });
  });

  it("encodes afresh when etcd's body is not where the root's key can go, or when there is no body", () => {
    const wire = '{"node":{"dir":true,"nodes":[]},"action":"get"}';
    const json = keysResponseJson({ action: "get", node: { key: "/", dir: true, nodes: [] }, rootKeyFilled: true, etcdIndex: 3, wire: " ".repeat(40) + wire });
    expect(JSON.parse(json)).toEqual({ action: "get", node: { key: "/", dir: true, nodes: [] }, etcdIndex: 3 });
    expect(JSON.parse(keysResponseJson({ action: "set", node: { key: "/k", value: "v" }, etcdIndex: 5 }))).toEqual({ action: "set", node: { key: "/k", value: "v" }, etcdIndex: 5 });
  });
});
