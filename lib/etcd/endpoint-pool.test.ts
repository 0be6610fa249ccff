import { describe, expect, it } from "vitest";
import { EndpointPool } from "./endpoint-pool";

describe("EndpointPool", () => {
  it("tries the preferred endpoint first and failed ones last", () => {
    let now = 1_000;
    const pool = new EndpointPool(["http://a:1", "http://b:1/", "http://c:1"], 5_000, () => now);
    expect(pool.order()).toEqual(["http://a:1", "http://b:1", "http://c:1"]);
    pool.markFailure("http://a:1", "refused");
    expect(pool.order()).toEqual(["http://b:1", "http://c:1", "http://a:1"]);
    pool.markSuccess("http://c:1");
    expect(pool.order()).toEqual(["http://c:1", "http://b:1", "http://a:1"]);
    now += 5_001; // a failed endpoint is tried again later
    expect(pool.order()).toEqual(["http://c:1", "http://a:1", "http://b:1"]);
  });

  it("learns new endpoints without duplicating or dropping configured ones", () => {
    const pool = new EndpointPool(["http://a:1"]);
    pool.learn(["http://a:1/", "http://d:1", "unix://x", "http://d:1"]);
    expect(pool.snapshot().map((s) => [s.url, s.learned])).toEqual([
      ["http://a:1", false],
      ["http://d:1", true],
    ]);
  });

  it("never learns plain http once an endpoint was configured with https", () => {
    const pool = new EndpointPool(["https://a:1"]);
    pool.learn(["http://b:1", "https://c:1"]);
    expect(pool.snapshot().map((s) => s.url)).toEqual(["https://a:1", "https://c:1"]);
    expect(pool.has("http://b:1")).toBe(false);
    expect(pool.has("https://c:1/")).toBe(true);
  });
});
