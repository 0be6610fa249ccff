import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { audited, recordAudit } from "./log";

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-log-test-"));
  file = path.join(dir, "nested", "audit.jsonl");
  process.env.ETCD_DASHBOARD_AUDIT_LOG = file;
});
afterEach(() => {
  delete process.env.ETCD_DASHBOARD_AUDIT_LOG;
  fs.rmSync(dir, { recursive: true, force: true });
});

const lines = () => fs.readFileSync(file, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as { user: string; key?: string });

describe("the audit log", () => {
  it("many entries at once: each resolves once it is in the file, all in the order they came", async () => {
    const writes = Array.from({ length: 500 }, (_, i) => audited({ user: "u", cluster: "c", operation: "put", key: `/k${i}` }, async () => i));
    const first = await writes[0];
    expect(first).toBe(0);
    expect(lines()[0]!.key).toBe("/k0");
    await Promise.all(writes);
    expect(lines().map((l) => l.key)).toEqual(Array.from({ length: 500 }, (_, i) => `/k${i}`));
  });

  it("entries that come while a batch is being written go into the next one, after it", async () => {
    const early = recordAudit({ user: "a", operation: "login", result: { ok: true } });
    await Promise.resolve();
    const late = [recordAudit({ user: "b", operation: "login", result: { ok: true } }), recordAudit({ user: "c", operation: "login", result: { ok: true } })];
    await Promise.all([early, ...late]);
    expect(lines().map((l) => l.user)).toEqual(["a", "b", "c"]);
  });

  it("a failed write is recorded and its error passes through", async () => {
    await expect(audited({ user: "u", cluster: "c", operation: "delete", key: "/x" }, async () => Promise.reject(ApiError.of("compare_failed", "boom")))).rejects.toThrow("boom");
    expect(lines()).toHaveLength(1);
  });
});
