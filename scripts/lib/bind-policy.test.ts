import { describe, expect, it } from "vitest";
import { anonymousBindProblem, isLoopback } from "./bind-policy.mjs";

describe("isLoopback", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1"])("%s is loopback", (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "10.0.0.5", "192.168.1.1", "example.com", "::ffff:10.0.0.1", "128.0.0.1"])("%s is not", (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});

describe("anonymousBindProblem", () => {
  it("lets loopback through", () => {
    expect(anonymousBindProblem("127.0.0.1", {})).toBeNull();
  });
  it("refuses any other address, saying why and what to do", () => {
    const problem = anonymousBindProblem("0.0.0.0", {});
    expect(problem).toMatch(/refusing to listen on 0\.0\.0\.0/);
    expect(problem).toMatch(/no login is configured/);
    expect(problem).toMatch(/ETCD_DASHBOARD_ALLOW_ANONYMOUS=true/);
    expect(anonymousBindProblem("10.0.0.5", { ETCD_DASHBOARD_ALLOW_ANONYMOUS: "false" })).toMatch(/refusing/);
  });
  it("serves anonymous users elsewhere only when told explicitly", () => {
    expect(anonymousBindProblem("0.0.0.0", { ETCD_DASHBOARD_ALLOW_ANONYMOUS: "true" })).toBeNull();
    expect(anonymousBindProblem("0.0.0.0", { ETCD_DASHBOARD_ALLOW_ANONYMOUS: "yes" })).toMatch(/must be "true" or "false"/);
  });
});
