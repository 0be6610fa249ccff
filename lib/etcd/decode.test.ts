import { describe, expect, it } from "vitest";
import { decodeKeysResponse, errorFromResponse } from "./decode";
import type { EtcdResponse } from "./transport";

const response = (status: number, body: string, etcdIndex?: number): EtcdResponse => ({
  status,
  body,
  headers: {},
  endpoint: "http://127.0.0.1:2379",
  etcdIndex,
});

describe("decoding etcd responses", () => {
  it("decodes a write with node, prevNode and X-Etcd-Index", () => {
    const body = '{"action":"set","node":{"key":"/m","value":"b","modifiedIndex":5,"createdIndex":5},"prevNode":{"key":"/m","value":"a","modifiedIndex":4,"createdIndex":4}}\n';
    const result = decodeKeysResponse(response(200, body, 5));
    expect(result).toEqual({
      action: "set",
      node: { key: "/m", value: "b", modifiedIndex: 5, createdIndex: 5 },
      prevNode: { key: "/m", value: "a", modifiedIndex: 4, createdIndex: 4 },
      etcdIndex: 5,
      wire: body,
    });
  });

  it("decodes the root (no key) with nested nodes", () => {
    const result = decodeKeysResponse(response(200, '{"action":"get","node":{"dir":true,"nodes":[{"key":"/d","dir":true,"nodes":[{"key":"/d/x","value":"1","ttl":-1,"modifiedIndex":9,"createdIndex":9}],"modifiedIndex":8,"createdIndex":8}]}}', 9));
    expect(result.node?.nodes?.[0]?.nodes?.[0]?.ttl).toBe(-1);
  });

  it("turns etcd's error body into a typed error, whatever the status", () => {
    const error = errorFromResponse(
      response(400, '{"errorCode":401,"message":"The event in requested index is outdated and cleared","cause":"the requested history has been cleared [182/72]","index":1181}'),
    );
    expect(error).toMatchObject({ kind: "history-cleared", etcdCode: 401, index: 1181, status: 400 });
  });

  it("explains a server without the v2 API", () => {
    const error = errorFromResponse(response(404, "404 page not found\n"));
    expect(error.kind).toBe("v2-disabled");
    expect(error.message).toMatch(/--enable-v2=true/);
    expect(error.message).toMatch(/3\.6/);
  });

  it("never treats a redirect as success", () => {
    expect(() => decodeKeysResponse(response(301, '<a href="/a/b">Moved Permanently</a>.'))).toThrow(/redirected/);
  });

  it("rejects a body it does not understand", () => {
    expect(() => decodeKeysResponse(response(200, "not json"))).toThrow(/does not understand/);
    expect(() => decodeKeysResponse(response(200, '{"action":"explode"}'))).toThrow(/does not understand/);
  });
});
