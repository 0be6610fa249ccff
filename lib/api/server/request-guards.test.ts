import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { assertSameOrigin } from "./request-guards";

function write(headers: Record<string, string>): Request {
  return new Request("http://dashboard.internal:3000/api/clusters/default/keys/a", { method: "PUT", headers });
}

function refused(request: Request, trustProxy = false): string | undefined {
  try {
    assertSameOrigin(request, trustProxy);
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.code : String(error);
  }
}

describe("assertSameOrigin", () => {
  it("lets same-origin writes and scripts that send no Origin through", () => {
    expect(refused(write({ host: "dashboard.internal:3000", origin: "http://dashboard.internal:3000", "sec-fetch-site": "same-origin" }))).toBeUndefined();
    expect(refused(write({ host: "dashboard.internal:3000" }))).toBeUndefined();
  });

  it("refuses another site, by Sec-Fetch-Site or by Origin", () => {
    expect(refused(write({ host: "dashboard.internal:3000", "sec-fetch-site": "cross-site" }))).toBe("cross_origin");
    expect(refused(write({ host: "dashboard.internal:3000", origin: "http://evil.example" }))).toBe("cross_origin");
    expect(refused(write({ host: "dashboard.internal:3000", origin: "null" }))).toBe("cross_origin");
  });

  it("ignores X-Forwarded-Host unless a proxy is trusted to set it", () => {
    const forged = write({ host: "dashboard.internal:3000", origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    expect(refused(forged)).toBe("cross_origin");
    expect(refused(forged, true)).toBeUndefined();
    const proxied = write({ host: "127.0.0.1:3000", origin: "https://etcd.example.com", "x-forwarded-host": "etcd.example.com" });
    expect(refused(proxied)).toBe("cross_origin");
    expect(refused(proxied, true)).toBeUndefined();
  });
});
