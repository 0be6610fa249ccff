// The bench's v3 fill against the real etcd of the global setup: every key written, in Txns that etcd accepts.
import { afterAll, describe, expect, inject, it } from "vitest";
import { Etcd3Client } from "@/lib/etcd3";
import { uniquePrefix } from "@/lib/testing/etcd-direct";
import { benchKeyName, benchValue } from "./fill";
import { countPrefix3, fill3, MAX_TXN_PUTS } from "./fill3";

const client = new Etcd3Client({ endpoints: [inject("etcdURL")] });
afterAll(() => client.close());

describe("fill3: the bench's v3 keys", () => {
  it("writes every key with its value across several full Txns and a partial one, and countPrefix3 counts them", async () => {
    const prefix = `${uniquePrefix()}/`;
    const count = MAX_TXN_PUTS * 2 + 44;
    const before = (await client.range({ key: "x" })).revision;
    await fill3(client, prefix, count);
    expect(await countPrefix3(client, prefix)).toBe(count);
    const all = await client.range({ key: prefix, prefix: true });
    expect(all.kvs.map((kv) => kv.key.toString())).toEqual(Array.from({ length: count }, (_, i) => prefix + benchKeyName(i)));
    expect(all.kvs.map((kv) => kv.value.toString())).toEqual(Array.from({ length: count }, (_, i) => benchValue(i)));
    // One revision a Txn (etcd-v3-api.md §3.3: a Txn's writes share one revision): 3 Txns, not 300 puts.
    expect(Number(all.revision) - Number(before)).toBe(3);
  });

  it("writes nothing for zero keys", async () => {
    const prefix = `${uniquePrefix()}/`;
    await fill3(client, prefix, 0);
    expect(await countPrefix3(client, prefix)).toBe(0);
  });
});
