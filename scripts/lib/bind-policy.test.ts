import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

describe("with users in the config file", () => {
  function configWith(content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bind-policy-"));
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, content);
    return file;
  }
  it("listens anywhere, since every request then needs a login", () => {
    const file = configWith(JSON.stringify({ users: [{ name: "a", passwordHash: "scrypt$...", role: "viewer" }] }));
    expect(anonymousBindProblem("0.0.0.0", { ETCD_DASHBOARD_CONFIG: file })).toBeNull();
  });
  it("still refuses when the file has no users, or can't be read", () => {
    expect(anonymousBindProblem("0.0.0.0", { ETCD_DASHBOARD_CONFIG: configWith(JSON.stringify({ users: [] })) })).toMatch(/refusing/);
    expect(anonymousBindProblem("0.0.0.0", { ETCD_DASHBOARD_CONFIG: configWith("{not json") })).toMatch(/refusing/);
    expect(anonymousBindProblem("0.0.0.0", { ETCD_DASHBOARD_CONFIG: "/no/such/file.json" })).toMatch(/refusing/);
  });
});
