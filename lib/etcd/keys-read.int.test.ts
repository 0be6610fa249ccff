// Reading keys, directories and subtrees, against the real etcd started by the global setup; every result
// is checked against etcd itself through a direct fetch (lib/testing/etcd-direct.ts).
import { describe, expect, it } from "vitest";
import { etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { keysTestClient, witness } from "../testing/keys-fixture";
import { parseKey } from "./key-path";

const client = keysTestClient();

describe("get", () => {
  it("reads a key, a directory one level deep, and a whole subtree recursively in sorted order", async () => {
    const p = uniquePrefix();
    // Written out of order: etcd's unsorted listings come from a Go map, sorted=true orders by key.
    for (const [k, v] of [
      ["c", "3"],
      ["a", "1"],
      ["sub/y", "y"],
      ["b", "2"],
      ["sub/x", "x"],
      ["10", "ten"],
    ]) {
      await client.keys.set(parseKey(`${p}/${k}`), v!);
    }

    const one = await client.keys.get(parseKey(`${p}/a`));
    expect(one.action).toBe("get");
    expect(one.node).toMatchObject({ key: `${p}/a`, value: "1" });
    expect(one.etcdIndex).toBeGreaterThanOrEqual(one.node!.modifiedIndex!);

    const flat = await client.keys.get(parseKey(p), { sorted: true });
    expect(flat.node?.dir).toBe(true);
    expect(flat.node?.nodes?.map((n) => n.key)).toEqual(["10", "a", "b", "c", "sub"].map((k) => `${p}/${k}`));
    const sub = flat.node?.nodes?.find((n) => n.key === `${p}/sub`);
    expect(sub?.dir).toBe(true);
    expect(sub?.nodes).toBeUndefined(); // one level only

    const deep = await client.keys.get(parseKey(p), { recursive: true, sorted: true });
    const subDeep = deep.node?.nodes?.find((n) => n.key === `${p}/sub`);
    expect(subDeep?.nodes?.map((n) => [n.key, n.value])).toEqual([
      [`${p}/sub/x`, "x"],
      [`${p}/sub/y`, "y"],
    ]);

    // The same listing straight from etcd.
    const direct = await witness(p, { recursive: "true", sorted: "true" });
    expect(direct?.nodes?.map((n) => n.key)).toEqual(deep.node?.nodes?.map((n) => n.key));
  });

  it("reads through raft with quorum=true", async () => {
    const p = uniquePrefix();
    const written = await client.keys.set(parseKey(`${p}/q`), "quorum value");
    const read = await client.keys.get(parseKey(`${p}/q`), { quorum: true });
    expect(read.node).toMatchObject({ value: "quorum value", modifiedIndex: written.node!.modifiedIndex });
  });

  it("reports a missing key as key-not-found with etcd's code, cause and index", async () => {
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/exists`), "x");
    const err = await etcdErrorOf(client.keys.get(parseKey(`${p}/missing`)));
    expect(err).toMatchObject({ kind: "key-not-found", etcdCode: 100, etcdCause: `${p}/missing`, status: 404 });
    expect(err.index).toBeGreaterThan(0);
  });
});
