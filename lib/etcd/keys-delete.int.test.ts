// Deleting keys and directories (plain, compare-and-delete, dir:true, recursive, the read-only root),
// against the real etcd started by the global setup; every result is checked against etcd itself.
import { describe, expect, it } from "vitest";
import { etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { keysTestClient, witness } from "../testing/keys-fixture";
import { decodeKeysResponse } from "./decode";
import { ROOT_KEY, parseKey } from "./key-path";

const client = keysTestClient();

describe("delete", () => {
  it("deletes a key", async () => {
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/k`), "v");
    const res = await client.keys.delete(parseKey(`${p}/k`));
    expect(res).toMatchObject({ action: "delete", prevNode: { value: "v" } });
    expect(await witness(`${p}/k`)).toBeUndefined();
    const again = await etcdErrorOf(client.keys.delete(parseKey(`${p}/k`)));
    expect(again).toMatchObject({ kind: "key-not-found", etcdCode: 100 });
  });

  it("compare-and-deletes on prevValue and prevIndex; a mismatch leaves the key in place", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/cad`);
    const set = await client.keys.set(key, "one");
    const idx = set.node!.modifiedIndex!;

    const badValue = await etcdErrorOf(client.keys.delete(key, { prevValue: "other" }));
    expect(badValue).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: "[other != one]" });
    const badIndex = await etcdErrorOf(client.keys.delete(key, { prevIndex: idx + 1000 }));
    expect(badIndex).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: `[${idx + 1000} != ${idx}]` });
    expect(await witness(`${p}/cad`)).toMatchObject({ value: "one", modifiedIndex: idx });

    const byValue = await client.keys.delete(key, { prevValue: "one" });
    expect(byValue.action).toBe("compareAndDelete");
    expect(await witness(`${p}/cad`)).toBeUndefined();

    const again = await client.keys.set(key, "two");
    const byIndex = await client.keys.delete(key, { prevIndex: again.node!.modifiedIndex! });
    expect(byIndex.action).toBe("compareAndDelete");
    expect(await witness(`${p}/cad`)).toBeUndefined();
  });

  it("deletes an empty dir with dir:true, refuses a non-empty one, and deletes a subtree recursively", async () => {
    const p = uniquePrefix();
    await client.keys.mkdir(parseKey(`${p}/empty`));
    const emptyGone = await client.keys.delete(parseKey(`${p}/empty`), { dir: true });
    expect(emptyGone.action).toBe("delete");
    expect(await witness(`${p}/empty`)).toBeUndefined();

    await client.keys.set(parseKey(`${p}/full/a/b`), "deep");
    await client.keys.set(parseKey(`${p}/full/c`), "shallow");

    const notFile = await etcdErrorOf(client.keys.delete(parseKey(`${p}/full`)));
    expect(notFile).toMatchObject({ kind: "not-a-file", etcdCode: 102 });
    const notEmpty = await etcdErrorOf(client.keys.delete(parseKey(`${p}/full`), { dir: true }));
    expect(notEmpty).toMatchObject({ kind: "directory-not-empty", etcdCode: 108, etcdCause: `${p}/full` });
    expect((await witness(`${p}/full/a/b`))?.value).toBe("deep");

    const gone = await client.keys.delete(parseKey(`${p}/full`), { recursive: true });
    expect(gone.action).toBe("delete");
    expect(await witness(`${p}/full`)).toBeUndefined();
    expect(await witness(`${p}/full/a/b`)).toBeUndefined();
  });

  it("treats the root as read-only, as etcd does", async () => {
    expect((await etcdErrorOf(() => client.keys.put(ROOT_KEY, { value: "x" }))).kind).toBe("root-read-only");
    expect((await etcdErrorOf(() => client.keys.delete(ROOT_KEY, { recursive: true }))).kind).toBe("root-read-only");
    // etcd's own answer maps to the same kind (sent through the transport, bypassing the client's check).
    const res = await client.transport.request({ method: "DELETE", path: "/v2/keys/", query: { recursive: true }, idempotent: false });
    expect(res.status).toBe(400);
    expect(await etcdErrorOf(() => decodeKeysResponse(res))).toMatchObject({ kind: "root-read-only", etcdCode: 107, etcdCause: "/" });
    const root = await client.keys.get(ROOT_KEY);
    expect(root.node?.dir).toBe(true);
    // etcd sends the root without a key; the client names it "/", as every other node is named.
    expect(root.node?.key).toBe("/");
  });
});
