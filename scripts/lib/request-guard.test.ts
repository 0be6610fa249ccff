import { describe, expect, it } from "vitest";
import { rejectReason } from "./request-guard.mjs";

describe("the server's raw request guard", () => {
  it("lets ordinary API and page requests through", () => {
    expect(rejectReason("GET", "/api/clusters/default/keys/a%20b/c%3F?recursive=true")).toBeNull();
    expect(rejectReason("PUT", "/api/clusters/default/keys/100%25")).toBeNull();
    expect(rejectReason("GET", "/keys//weird-page")).toBeNull(); // pages: Next.js's own redirect is harmless
  });

  it("refuses unknown methods", () => {
    expect(rejectReason("TRACE", "/api/clusters")).toMatchObject({ status: 405 });
    expect(rejectReason("PROPFIND", "/")).toMatchObject({ status: 405 });
  });

  it("refuses empty segments, backslashes and malformed escapes in API paths", () => {
    expect(rejectReason("PUT", "/api/clusters/default/keys/a//b")).toMatchObject({ status: 400 });
    expect(rejectReason("PUT", "/api/clusters/default/keys/a\\b")).toMatchObject({ status: 400 });
    expect(rejectReason("GET", "/api/clusters/default/keys/100%")).toMatchObject({ status: 400 });
    expect(rejectReason("GET", "/api/clusters/default/keys/%zz?x=1")).toMatchObject({ status: 400 });
  });

  it("refuses a target that is not a path, and malformed escapes in page paths too", () => {
    for (const target of ["*", "http://127.0.0.1:3000/api/clusters", "/keys/%", "/keys/%zz/a"]) {
      expect(rejectReason("GET", target), target).toMatchObject({ status: 400 });
    }
    expect(rejectReason("OPTIONS", "*")).toMatchObject({ status: 400 });
  });

  it("refuses . and .. segments in API paths, plain or percent-encoded, and nothing that only looks like one", () => {
    for (const segment of [".", "..", "%2E", "%2e%2E", ".%2e", "%2e."]) {
      expect(rejectReason("PUT", `/api/clusters/default/keys/a/${segment}/x`)?.message, segment).toMatch(/"\." or "\.\." segment/);
    }
    expect(rejectReason("PUT", "/api/clusters/default/keys/a/..")).toMatchObject({ status: 400 });
    for (const segment of ["...", ".a", "a..", "%2E%2E%2E", "%252E%252E"]) expect(rejectReason("PUT", `/api/clusters/default/keys/a/${segment}`), segment).toBeNull();
    expect(rejectReason("GET", "/api/clusters/default/keys/a?x=..")).toBeNull();
  });
});
