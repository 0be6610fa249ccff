import { describe, expect, it } from "vitest";
import { keyApiPath, keyFromApiPath, keyPageHref } from "./keys-url";

describe("key URLs", () => {
  it("builds page links with the cluster when it is not the default", () => {
    expect(keyPageHref("default", "/")).toBe("/keys");
    expect(keyPageHref("default", "/a/b c?")).toBe("/keys/a/b%20c%3F");
    expect(keyPageHref("prod eu", "/a")).toBe("/keys/a?cluster=prod%20eu");
  });

  it("builds API paths with encoded segments and a query", () => {
    expect(keyApiPath("default", "/")).toBe("/api/clusters/default/keys");
    expect(keyApiPath("default", "/a/100%", { sorted: true, recursive: undefined })).toBe("/api/clusters/default/keys/a/100%25?sorted=true");
  });

  it("reads the key back from an API path built with the same query, and nothing else", () => {
    for (const key of ["/", "/a", "/a b/c?/100%", "/é/😀"]) {
      expect(keyFromApiPath("prod eu", keyApiPath("prod eu", key, { sorted: true }), { sorted: true })).toBe(key);
    }
    expect(keyFromApiPath("default", "/api/clusters/default/keys/a", { sorted: true })).toBeNull();
    expect(keyFromApiPath("default", "/api/clusters/default/keys/a?recursive=true&sorted=true", { sorted: true })).toBeNull();
    expect(keyFromApiPath("default", "/api/clusters/defaults/keys/a?sorted=true", { sorted: true })).toBeNull();
    expect(keyFromApiPath("default", "/api/clusters/default/keysa?sorted=true", { sorted: true })).toBeNull();
    expect(keyFromApiPath("default", "/api/clusters/default/keys/%E0?sorted=true", { sorted: true })).toBeNull();
  });
});
