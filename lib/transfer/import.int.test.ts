// The import's writes against a real etcd: a change made between planning and writing is reported, never
// overwritten, and a key that appeared meanwhile is not replaced.
import { describe, expect, it } from "vitest";
import { parseKey } from "@/lib/etcd/key-path";
import { EtcdClient } from "@/lib/etcd/client";
import { useAuditedClient } from "@/lib/testing/audited-client";
import { directGetKey, directSet, uniquePrefix } from "@/lib/testing/etcd-direct";
import type { ExportNode } from "./format";
import type { ImportLine, ImportReport } from "./plan";
import { planAgainstEtcd, runImport } from "./server";

const setup = useAuditedClient("import-int");
const url = setup.etcdURL;

async function reportOf(lines: AsyncGenerator<ImportLine>): Promise<{ report: ImportReport; progress: number }> {
  let progress = 0;
  for await (const line of lines) {
    if (line.type === "report") return { report: line.report, progress };
    progress++;
  }
  throw new Error("no report");
}

const value = async (key: string) => (await directGetKey(url, key)).json?.node?.value as string | undefined;

describe("runImport", () => {
  it("overwrites by compare-and-swap on the planned index, creates only what is absent, and audits each write", async () => {
    const target = uniquePrefix("import");
    await directSet(url, `${target}/changed`, "before");
    await directSet(url, `${target}/raced`, "before");
    const nodes: ExportNode[] = [
      { key: "changed", value: "from file" },
      { key: "raced", value: "from file" },
      { key: "appears", value: "from file" },
      { key: "d", dir: true, ttl: 100 },
      { key: "d/k", value: "in d" },
    ];
    const plan = await planAgainstEtcd(setup.client, parseKey(target), nodes, undefined);
    expect(plan.counts).toEqual({ create: 3, change: 2, unchanged: 0, conflict: 0 });
    // Someone else writes between the plan and the writes.
    await directSet(url, `${target}/raced`, "theirs");
    await directSet(url, `${target}/appears`, "theirs");
    const { report } = await reportOf(runImport({ client: setup.client, cluster: "default", user: "tester", plan, onExisting: "overwrite" }));
    expect(report).toMatchObject({ total: 5, created: 2, changed: 1, skipped: 0, unchanged: 0, notAttempted: 0 });
    expect(report.failed.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `${target}/appears`, code: "key_exists", reason: "appeared after the plan: not overwritten", note: { code: "appearedAfterPlan" } },
      { key: `${target}/raced`, code: "compare_failed", reason: "changed after the plan: not overwritten", note: { code: "changedAfterPlan" } },
    ]);
    expect(await value(`${target}/changed`)).toBe("from file");
    expect(await value(`${target}/raced`)).toBe("theirs");
    expect(await value(`${target}/appears`)).toBe("theirs");
    expect(await value(`${target}/d/k`)).toBe("in d");
    const dir = (await directGetKey(url, `${target}/d`)).json.node;
    expect(dir.dir).toBe(true);
    expect(dir.ttl).toBeGreaterThan(90);

    const mine = setup.auditEntries().filter((e) => e.key?.startsWith(target));
    expect(mine).toHaveLength(5);
    expect(mine.find((e) => e.key === `${target}/raced`)).toMatchObject({ user: "tester", operation: "put", conditions: { prevIndex: plan.steps.find((s) => s.key === `${target}/raced`)!.existingIndex }, result: { ok: false, code: "compare_failed" } });
    expect(mine.find((e) => e.key === `${target}/appears`)).toMatchObject({ conditions: { prevExist: false }, result: { ok: false, code: "key_exists" } });
    expect(JSON.stringify(mine)).not.toContain("from file");
  });

  it("skips keys with another value when asked to, and stops early when etcd is gone", async () => {
    const target = uniquePrefix("import");
    await directSet(url, `${target}/a`, "old");
    const plan = await planAgainstEtcd(setup.client, parseKey(target), [{ key: "a", value: "new" }, { key: "b", value: "b" }], undefined);
    const { report } = await reportOf(runImport({ client: setup.client, cluster: "default", user: "tester", plan, onExisting: "skip" }));
    expect(report).toMatchObject({ created: 1, changed: 0, skipped: 1, failed: [] });
    expect(await value(`${target}/a`)).toBe("old");

    const gone = new EtcdClient({ endpoints: ["http://127.0.0.1:9"], discoverMembers: false });
    try {
      const many = { ...plan, steps: Array.from({ length: 50 }, (_, i) => ({ key: `${target}/x${i}`, position: i, node: { key: `x${i}`, value: "v" }, action: "create" as const })) };
      const { report: stopped } = await reportOf(runImport({ client: gone, cluster: "default", user: "tester", plan: many, onExisting: "skip" }));
      expect(stopped.stopped).toContain("The import stopped at");
      expect(stopped.notAttempted).toBeGreaterThan(30);
      expect(stopped.failed.every((f) => f.code === "etcd_unavailable")).toBe(true);
    } finally {
      gone.close();
    }
  });
});
