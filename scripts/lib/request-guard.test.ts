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
});
