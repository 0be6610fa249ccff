// The key tree's first screen read on the server (tree-seed.ts), against a real etcd: the first children of
// each listing from the root down to the linked key, and no seed (never an error) for anything else.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { encodeKey, uniquePrefix } from "@/lib/testing/etcd-direct";
import { SEED_CHILDREN } from "@/lib/tree/seed";
import { PAGE_URL_HEADER, treeSeedForLayout, treeSeedOfRequest } from "./tree-seed";

const url = inject("etcdURL");
const prefix = uniquePrefix("seed");
const documentLoad = (page: string) => new Headers({ "sec-fetch-dest": "document", [PAGE_URL_HEADER]: page });

beforeAll(async () => {
  process.env.ETCD_ENDPOINTS = url;
  const put = (key: string, value: string) => fetch(`${url}/v2/keys${encodeKey(key)}`, { method: "PUT", body: new URLSearchParams({ value }) });
  for (let i = 0; i < 70; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => put(`${prefix}/dir/k${String(i + j).padStart(3, "0")}`, "secret value")));
  await put(`${prefix}/dir/sub/x`, "1");
});

describe("tree seed", () => {
  it("holds the first children of every directory down to the linked one, sorted, counted, without values", async () => {
    const seed = await treeSeedOfRequest(documentLoad(`/keys${encodeKey(prefix)}/dir`));
    expect(seed?.cluster).toBe("default");
    const dirs = seed!.listings.map((l) => l.dir);
    expect(dirs).toEqual(["/", prefix, `${prefix}/dir`]);
    const dir = seed!.listings[2]!;
    expect(dir.total).toBe(71);
    expect(dir.children).toHaveLength(SEED_CHILDREN);
    // With the index each row is listed at: a row checked before the whole listing arrives is deleted by it.
    expect(dir.children.slice(0, 2)).toEqual([
      { key: `${prefix}/dir/k000`, modifiedIndex: expect.any(Number) },
      { key: `${prefix}/dir/k001`, modifiedIndex: expect.any(Number) },
    ]);
    expect(JSON.stringify(seed)).not.toContain("secret value");
    expect(seed!.listings[1]!.children).toEqual([{ key: `${prefix}/dir`, dir: true, modifiedIndex: expect.any(Number) }]);
  });

  it("a linked key that is not a directory gets its ancestors' listings only", async () => {
    const seed = await treeSeedOfRequest(documentLoad(`/keys${encodeKey(prefix)}/dir/k001`));
    expect(seed!.listings.map((l) => l.dir)).toEqual(["/", prefix, `${prefix}/dir`]);
  });

  it("reads the cluster of ?cluster=, and gives no seed for an unknown one, an invalid key or another page", async () => {
    expect((await treeSeedOfRequest(documentLoad(`/keys${encodeKey(prefix)}?cluster=default`)))?.listings.map((l) => l.dir)).toEqual(["/", prefix]);
    expect(await treeSeedOfRequest(documentLoad(`/keys${encodeKey(prefix)}?cluster=nope`))).toBeNull();
    expect(await treeSeedOfRequest(documentLoad(`/keys${encodeKey(prefix)}/a%00b`))).toBeNull();
    expect(await treeSeedOfRequest(documentLoad(`/watch`))).toBeNull();
    // A v3 page's tree reads the v3 keyspace: no v2 listing for it.
    expect(await treeSeedOfRequest(documentLoad(`/keys?keyspace=v3&dir=${encodeURIComponent(prefix)}/`))).toBeNull();
    expect(await treeSeedOfRequest(documentLoad(`/keys?keyspace=v2`))).not.toBeNull();
  });

  it("only for a document load that scripts/server.mjs described", async () => {
    expect(await treeSeedOfRequest(new Headers({ "sec-fetch-dest": "empty", [PAGE_URL_HEADER]: `/keys${encodeKey(prefix)}` }))).toBeNull();
    expect(await treeSeedOfRequest(new Headers({ "sec-fetch-dest": "document" }))).toBeNull();
  });

  it("a missing directory has no listing, and the layout gets what was read in time", async () => {
    const seed = await treeSeedOfRequest(documentLoad(`/keys${encodeKey(prefix)}/missing/deeper`));
    expect(seed!.listings.map((l) => l.dir)).toEqual(["/", prefix]);
    const read = await treeSeedForLayout(documentLoad(`/keys${encodeKey(prefix)}/dir`));
    const seeded = "now" in read ? read.now : await read.later;
    expect(seeded!.listings.map((l) => l.dir)).toEqual(["/", prefix, `${prefix}/dir`]);
  });
});
