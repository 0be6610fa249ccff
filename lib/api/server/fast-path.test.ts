import { describe, expect, it } from "vitest";
import { matchKeyRead } from "./fast-path";

describe("matchKeyRead", () => {
  it("takes a plain key read, with its segments decoded as Next.js would", () => {
    expect(matchKeyRead("GET", "/api/clusters/default/keys/a%20b/%C3%BC?sorted=true")).toEqual({ params: { cluster: "default", key: ["a b", "ü"] } });
    expect(matchKeyRead("GET", "/api/clusters/prod/keys")).toEqual({ params: { cluster: "prod", key: [] } });
  });

  it.each([
    ["PUT", "/api/clusters/default/keys/a"],
    ["HEAD", "/api/clusters/default/keys/a"],
    ["GET", "/api/clusters/default/watch/a"],
    ["GET", "/api/clusters/default/keys/a/"],
    ["GET", "/api/clusters/default/keys/./a"],
    ["GET", "/api/clusters/default/keys/a/%2E%2E"],
    ["GET", "/api/clusters/default/keys/a%2Fb"],
    ["GET", "/api/clusters/default/keys/a%5Cb"],
    ["GET", "/api/clusters/default/keys/%E0%A4%A"],
    ["GET", "/api/clusters//keys/a"],
    ["GET", "/api/clusters/default"],
    ["GET", "/keys/a"],
    ["GET", undefined],
  ])("leaves %s %s to Next.js", (method, url) => {
    expect(matchKeyRead(method, url)).toBeUndefined();
  });
});
