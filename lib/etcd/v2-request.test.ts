import { describe, expect, it } from "vitest";
import { deadlineFor, encodeBody, requestHeaders, requestTarget, type EtcdRequest } from "./v2-request";

const get = (extra: Partial<EtcdRequest> = {}): EtcdRequest => ({ method: "GET", path: "/v2/keys/a", idempotent: true, ...extra });
const deadlines = { readMs: 5_000, writeMs: 10_000 };

describe("requestTarget", () => {
  it("appends the query, leaving out absent values", () => {
    expect(requestTarget(get())).toBe("/v2/keys/a");
    expect(requestTarget(get({ query: { recursive: true, wait: undefined, prevIndex: 7, prevValue: null } }))).toBe("/v2/keys/a?recursive=true&prevIndex=7");
  });

  it("refuses a target etcd would reset the connection over (its first line is at most 4 KB)", () => {
    expect(() => requestTarget(get({ query: { prevValue: "x".repeat(5_000) } }))).toThrow(/request URL is \d+ bytes/);
  });
});

describe("deadlineFor", () => {
  it("gives reads the read deadline, and writes and quorum reads the longer write deadline", () => {
    expect(deadlineFor(get(), deadlines)).toBe(5_000);
    expect(deadlineFor(get({ query: { quorum: true } }), deadlines)).toBe(10_000);
    expect(deadlineFor(get({ method: "DELETE", idempotent: false }), deadlines)).toBe(10_000);
    expect(deadlineFor(get({ timeoutMs: 2_000 }), deadlines)).toBe(2_000);
  });
});

describe("encodeBody and requestHeaders", () => {
  it("sends a form for /v2/keys and JSON for the members and auth APIs", () => {
    const form = encodeBody(get({ method: "PUT", form: { value: "a b&c" } }))!;
    expect(form).toEqual({ data: "value=a+b%26c", contentType: "application/x-www-form-urlencoded" });
    expect(requestHeaders(form, "Basic eDp5")).toEqual({
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
      "content-length": 13,
      authorization: "Basic eDp5",
    });
    expect(encodeBody(get({ method: "POST", json: { peerURLs: [] } }))).toEqual({ data: '{"peerURLs":[]}', contentType: "application/json" });
    expect(encodeBody(get())).toBeNull();
    expect(requestHeaders(null, undefined)).toEqual({ accept: "application/json" });
  });
});
