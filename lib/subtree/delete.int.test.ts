// The subtree engine against a real etcd: keys compared with the index read, what is written meanwhile kept
// and reported with its key, Stop keeping the rest, every delete audited.
import { describe, expect, it } from "vitest";
import { EtcdClient } from "@/lib/etcd/client";
import { useAuditedClient } from "@/lib/testing/audited-client";
import { currentIndex, directGetKey, directSet, runConcurrent, uniquePrefix } from "@/lib/testing/etcd-direct";
import { deletePlanned, deleteSubtree, type SubtreeDeleteRun } from "./delete";
import type { NodeOutcome, SubtreeEvent } from "./outcome";
import { planSubtreeDelete } from "./plan";

const setup = useAuditedClient("subtree-int");
const url = setup.etcdURL;

const run = (extra: Partial<SubtreeDeleteRun> = {}): SubtreeDeleteRun => ({ client: setup.client, cluster: "default", user: "tester", ...extra });
const exists = async (key: string) => (await directGetKey(url, key)).status === 200;

/** Runs the engine; `afterRead` runs once the read is made, before any delete (someone else writing). */
async function outcomesOf(events: AsyncGenerator<SubtreeEvent>, afterRead?: () => Promise<void>) {
  const nodes = new Map<string, NodeOutcome>();
  let stopped: Extract<SubtreeEvent, { type: "stopped" }> | undefined;
  for await (const event of events) {
    if (event.type === "planned") await afterRead?.();
    else if (event.type === "node") {
      const { type: _type, ...node } = event;
      nodes.set(node.key, node);
    } else stopped = event;
  }
  return { nodes, stopped };
}

describe("deleteSubtree", () => {
  it("keeps a key written into the directory after the read and a key changed after it, deletes the rest, and audits each delete", async () => {
    const d = uniquePrefix("subtree");
    for (const key of ["a", "e", "sub/b", "sub/c", "sub/deep/f"]) await directSet(url, `${d}/${key}`, "1");
    const readIndex = (await directGetKey(url, `${d}/a`)).json.node.modifiedIndex as number;
    const { nodes, stopped } = await outcomesOf(deleteSubtree(run({ auditOptions: () => ({ bulk: true }) }), { key: d }), async () => {
      await directSet(url, `${d}/sub/late`, "written meanwhile");
      await directSet(url, `${d}/a`, "changed meanwhile");
    });
    expect(stopped).toBeUndefined();
    expect(nodes.get(`${d}/a`)).toMatchObject({ outcome: "changed", message: expect.stringContaining("Changed since it was read") });
    for (const key of ["e", "sub/b", "sub/c", "sub/deep/f", "sub/deep"]) expect(nodes.get(`${d}/${key}`)?.outcome, key).toBe("deleted");
    expect(nodes.get(`${d}/sub`)).toMatchObject({ outcome: "not_empty", added: [{ key: `${d}/sub/late`, dir: false }], addedCount: 1 });
    expect(nodes.get(`${d}/sub/late`)).toBeUndefined();
    expect(nodes.get(d)).toMatchObject({ outcome: "not_empty", message: expect.stringContaining("never deleted recursively") });
    expect(await directGetKey(url, `${d}/sub/late`)).toMatchObject({ status: 200 });
    expect((await directGetKey(url, `${d}/a`)).json.node.value).toBe("changed meanwhile");
    expect(await exists(`${d}/e`)).toBe(false);

    const audit = setup.auditEntries().filter((e) => e.key === d || e.key?.startsWith(`${d}/`));
    const byKey = new Map(audit.map((e) => [e.key, e]));
    expect(byKey.get(`${d}/a`)).toMatchObject({ user: "tester", operation: "delete", conditions: { prevIndex: readIndex }, options: { bulk: true }, result: { ok: false, code: "compare_failed" } });
    expect(byKey.get(`${d}/e`)).toMatchObject({ conditions: { prevIndex: expect.any(Number) }, result: { ok: true } });
    expect(byKey.get(`${d}/sub/deep`)).toMatchObject({ options: { dir: true, bulk: true }, result: { ok: true } });
    expect(byKey.get(`${d}/sub`)).toMatchObject({ options: { dir: true, bulk: true }, result: { ok: false, code: "directory_not_empty" } });
    // Known to hold what was kept: no delete sent (etcd would refuse it), so nothing to audit.
    expect(byKey.has(d)).toBe(false);
    expect(audit.some((e) => e.options?.recursive)).toBe(false);
  });

  it("keeps what was created or changed after the index the user saw, even when the read includes it", async () => {
    const d = uniquePrefix("subtree");
    await directSet(url, `${d}/old`, "1");
    await directSet(url, `${d}/edited`, "1");
    const seenAt = await currentIndex(url);
    // An update keeps the key's createdIndex (a plain set makes a new node: it counts as added).
    await directSet(url, `${d}/edited`, "2", { prevExist: "true" });
    await directSet(url, `${d}/replaced`, "1");
    await directSet(url, `${d}/new/inside`, "1");
    const { nodes } = await outcomesOf(deleteSubtree(run(), { key: d, seenAt }));
    expect(nodes.get(`${d}/old`)?.outcome).toBe("deleted");
    expect(nodes.get(`${d}/edited`)?.outcome).toBe("changed");
    expect(nodes.get(`${d}/replaced`)?.outcome).toBe("added");
    expect(nodes.get(`${d}/new`)).toMatchObject({ outcome: "added", dir: true });
    expect(nodes.get(d)?.outcome).toBe("not_empty");
    expect(await exists(`${d}/new/inside`)).toBe(true);
    expect(await exists(`${d}/old`)).toBe(false);
  });

  it("reports a directory already gone, and keeps one created again since it was listed", async () => {
    const d = uniquePrefix("subtree");
    expect((await outcomesOf(deleteSubtree(run(), { key: d }))).nodes.get(d)?.outcome).toBe("gone");
    await directSet(url, `${d}/k`, "1");
    const { nodes } = await outcomesOf(deleteSubtree(run(), { key: d, dirIndex: 1 }));
    expect(nodes.get(d)).toMatchObject({ outcome: "changed", message: expect.stringContaining("created again") });
    expect(await exists(`${d}/k`)).toBe(true);
  });

  it("Stop: nothing starts after the abort, the deletes in flight finish, the rest is kept and reported as not attempted", async () => {
    const d = uniquePrefix("subtree");
    const count = 400;
    await runConcurrent(count, 16, (i) => directSet(url, `${d}/k${i}`, "v"));
    const controller = new AbortController();
    let settled = 0;
    const events = deleteSubtree(run({ signal: controller.signal, concurrency: 4 }), { key: d });
    const nodes: NodeOutcome[] = [];
    let stopped: SubtreeEvent | undefined;
    for await (const event of events) {
      if (event.type === "node") {
        nodes.push(event);
        if (++settled === 50) controller.abort();
      } else if (event.type === "stopped") stopped = event;
    }
    expect(stopped).toMatchObject({ type: "stopped", code: "cancelled" });
    const deleted = nodes.filter((n) => n.outcome === "deleted" && !n.dir).length;
    const notAttempted = nodes.filter((n) => n.outcome === "not_attempted" && !n.dir).length;
    expect(deleted).toBeGreaterThanOrEqual(50);
    expect(deleted).toBeLessThan(50 + 4 * 5);
    expect(deleted + notAttempted).toBe(count);
    expect(nodes.find((n) => n.key === d)).toMatchObject({ outcome: "not_attempted" });
    const left = (await directGetKey(url, d)).json.node.nodes as unknown[];
    expect(left).toHaveLength(notAttempted);
  });

  it("stops at the first failure every following delete would repeat (etcd unreachable)", async () => {
    const gone = new EtcdClient({ endpoints: ["http://127.0.0.1:9"], discoverMembers: false });
    try {
      const d = uniquePrefix("subtree");
      const nodes = [{ key: d, dir: true }, ...Array.from({ length: 60 }, (_, i) => ({ key: `${d}/k${i}`, dir: false, modifiedIndex: 5 }))];
      const { nodes: outcomes, stopped } = await outcomesOf(deletePlanned(run({ client: gone, concurrency: 4 }), planSubtreeDelete(d, nodes)));
      const failed = [...outcomes.values()].filter((n) => n.outcome === "failed");
      expect(failed.length).toBeGreaterThanOrEqual(1);
      expect(failed.length).toBeLessThanOrEqual(4);
      expect(failed[0]).toMatchObject({ code: "etcd_unavailable" });
      expect([...outcomes.values()].filter((n) => n.outcome === "not_attempted")).toHaveLength(61 - failed.length);
      expect(stopped).toMatchObject({ code: "etcd_unavailable" });
    } finally {
      gone.close();
    }
  });
});
