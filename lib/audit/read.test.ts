import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditLine, type AuditEntry } from "./entry";
import { readAuditLog, type AuditPage } from "./read";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-read-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

function logFile(...lines: string[]): string {
  const file = path.join(dir, `audit-${files++}.jsonl`);
  fs.writeFileSync(file, lines.join(""));
  return file;
}

function entry(n: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { time: new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString(), user: "alice", cluster: "prod", operation: "put", key: `/k/${n}`, result: { ok: true, index: n }, ...extra };
}

const keys = (page: AuditPage) => page.entries.map((e) => e.key);

describe("readAuditLog", () => {
  it("treats a log that does not exist yet as empty", async () => {
    expect(await readAuditLog(path.join(dir, "missing.jsonl"), {})).toEqual({ entries: [] });
  });

  it("gives the entries newest first, each with the offset of its line as id", async () => {
    const lines = [1, 2, 3].map((n) => auditLine(entry(n)));
    const page = await readAuditLog(logFile(...lines), {});
    expect(keys(page)).toEqual(["/k/3", "/k/2", "/k/1"]);
    expect(page.entries.map((e) => e.id)).toEqual([String(lines[0]!.length * 2), String(lines[0]!.length), "0"]);
    expect(page.entries[0]).toEqual({ ...entry(3), id: page.entries[0]!.id });
    expect(page.nextCursor).toBeUndefined();
  });

  it("skips a torn last line, garbage and lines of another shape without failing", async () => {
    const file = logFile(auditLine(entry(1)), "not json at all\n", "\n", '{"time":"x"}\n', auditLine(entry(2)), "\u0000\u00ff\n", auditLine(entry(3)).slice(0, 30));
    expect(keys(await readAuditLog(file, {}, { chunkBytes: 16 }))).toEqual(["/k/2", "/k/1"]);
  });

  it("pages with the cursor, older each time, nothing repeated or lost", async () => {
    const file = logFile(...Array.from({ length: 25 }, (_, i) => auditLine(entry(i + 1))));
    const seen: (string | undefined)[] = [];
    let cursor: number | undefined;
    for (let pages = 0; ; pages++) {
      const page = await readAuditLog(file, { limit: 10, cursor }, { chunkBytes: 100 });
      seen.push(...keys(page));
      if (page.nextCursor === undefined) {
        expect(pages).toBe(2);
        break;
      }
      cursor = Number(page.nextCursor);
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `/k/${25 - i}`));
  });

  it("has no next page when the last page ends exactly at the first line", async () => {
    const page = await readAuditLog(logFile(...[1, 2].map((n) => auditLine(entry(n)))), { limit: 2 });
    expect(keys(page)).toEqual(["/k/2", "/k/1"]);
    expect(page.nextCursor).toBeUndefined();
  });

  it("filters, and a page holds `limit` matches however many lines it passes", async () => {
    const file = logFile(...Array.from({ length: 30 }, (_, i) => auditLine(entry(i + 1, { user: i % 3 === 0 ? "bob" : "alice" }))));
    const page = await readAuditLog(file, { user: "bob", limit: 4 });
    expect(keys(page)).toEqual(["/k/28", "/k/25", "/k/22", "/k/19"]);
    const rest = await readAuditLog(file, { user: "bob", cursor: Number(page.nextCursor) });
    expect(keys(rest)).toEqual(["/k/16", "/k/13", "/k/10", "/k/7", "/k/4", "/k/1"]);
    expect(rest.nextCursor).toBeUndefined();
  });

  it("stops after the scan budget with what it found and where to go on", async () => {
    const lines = Array.from({ length: 20 }, (_, i) => auditLine(entry(i + 1)));
    const file = logFile(...lines);
    const page = await readAuditLog(file, { q: "/k/1" }, { scanBudgetBytes: lines[0]!.length * 5, chunkBytes: 64 });
    // The newest five lines (/k/20 ... /k/16): all of them contain "/k/1" except /k/20.
    expect(keys(page)).toEqual(["/k/19", "/k/18", "/k/17", "/k/16"]);
    const next = await readAuditLog(file, { q: "/k/1", cursor: Number(page.nextCursor) });
    expect(keys(next)).toEqual(["/k/15", "/k/14", "/k/13", "/k/12", "/k/11", "/k/10", "/k/1"]);
  });

  it("stops scanning at an entry well before `from` (the log is in time order), not at one just before", async () => {
    const from = "2026-03-01T10:00:00.000Z";
    const file = logFile(
      auditLine(entry(5, { key: "/beyond" })),
      auditLine(entry(0, { time: "2020-01-01T00:00:00.000Z" })),
      auditLine(entry(3, { key: "/after-a-clock-step" })),
      auditLine(entry(0, { time: "2026-03-01T09:55:00.000Z" })),
      "garbage\n",
      auditLine(entry(2)),
    );
    const page = await readAuditLog(file, { from });
    expect(keys(page)).toEqual(["/k/2", "/after-a-clock-step"]);
    expect(page.nextCursor).toBeUndefined();
  });

  it("starts at the end when a cursor points past it (the log was rotated)", async () => {
    const file = logFile(auditLine(entry(1)));
    expect(keys(await readAuditLog(file, { cursor: 1_000_000 }))).toEqual(["/k/1"]);
  });
});
