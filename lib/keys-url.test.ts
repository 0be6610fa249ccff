import { describe, expect, it } from "vitest";
import { keyApiPath, keyPageHref } from "./keys-url";

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
});
