import { describe, expect, it } from "vitest";
import { hostAllowed, hostName, hostPolicy, refusedHost } from "./host-policy.mjs";

describe("the Host names the dashboard answers to", () => {
  const loopbackOnly = hostPolicy("127.0.0.1", {});

  it("answers loopback names and IP addresses by default, and nothing else", () => {
    for (const host of ["127.0.0.1:3000", "localhost", "LocalHost:3000", "localhost.", "app.localhost:3000", "[::1]:3000", "10.0.0.7", "[fe80::1]"]) {
      expect(hostAllowed(loopbackOnly, host), host).toBe(true);
    }
    for (const host of ["evil.example", "evil.example:3000", "localhost.evil.example", "127.0.0.1.evil.example", "evillocalhost", ""]) {
      expect(hostAllowed(loopbackOnly, host), host).toBe(false);
    }
  });

  it("adds the name the server listens on and the configured names; a leading dot takes subdomains too", () => {
    const policy = hostPolicy("dash.lan", { ETCD_DASHBOARD_ALLOWED_HOSTS: " Dashboard.Example.com , .internal.example" });
    for (const host of ["dash.lan:3000", "dashboard.example.com", "DASHBOARD.example.com.:443", "internal.example", "a.b.internal.example"]) {
      expect(hostAllowed(policy, host), host).toBe(true);
    }
    for (const host of ["example.com", "xinternal.example", "internal.example.evil"]) expect(hostAllowed(policy, host), host).toBe(false);
    expect(hostAllowed(hostPolicy("127.0.0.1", { ETCD_DASHBOARD_ALLOWED_HOSTS: "*" }), "anything.example")).toBe(true);
  });

  it("refuses to start with an entry that is not a host name", () => {
    for (const entry of ["https://a.example", "a.example:443", "a b", "a/b"]) {
      expect(() => hostPolicy("127.0.0.1", { ETCD_DASHBOARD_ALLOWED_HOSTS: entry }), entry).toThrow(/ETCD_DASHBOARD_ALLOWED_HOSTS/);
    }
  });

  it("checks X-Forwarded-Host only when the proxy is trusted", () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" };
    expect(refusedHost(loopbackOnly, headers)).toBeNull();
    expect(refusedHost(hostPolicy("127.0.0.1", { ETCD_DASHBOARD_TRUST_PROXY: "true" }), headers)).toBe("evil.example");
    expect(refusedHost(loopbackOnly, {})).toBeNull(); // HTTP/1.0 without Host: no browser sends that
  });

  it("reads the name without port or IPv6 brackets", () => {
    expect(hostName("[::1]:8080")).toBe("::1");
    expect(hostName("Example.COM.:80")).toBe("example.com");
  });
});
