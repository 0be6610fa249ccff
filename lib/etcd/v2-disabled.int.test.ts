// Integration tests against an etcd 3.4 started without the v2 API (--enable-v2=false, given after the
// harness's --enable-v2=true: Go's flag package keeps the last value). etcd then answers every /v2/* path
// with a plain-text "404 page not found"; the client must say what to do about it, not "key not found".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { errorResponse } from "../api/server/error-response";
import { EtcdClient } from "./client";
import { ROOT_KEY, parseKey } from "./key-path";
import { directGet, etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";

describe("etcd without the v2 API", () => {
  let etcd: EtcdHandle;
  let client: EtcdClient;

  beforeAll(async () => {
    etcd = await startEtcd({ name: "v2-disabled", extraArgs: ["--enable-v2=false"] });
    client = new EtcdClient({ endpoints: [etcd.clientURL], discoverMembers: false });
  });
  afterAll(async () => {
    client?.close();
    await etcd?.stop();
  });

  it("the override took effect: etcd answers /v2/keys with a plain-text 404", async () => {
    const direct = await directGet(etcd.clientURL, "/v2/keys/");
    expect(direct.status).toBe(404);
    expect(direct.json).toBeUndefined();
    expect(direct.text).toMatch(/404 page not found/);
  });

  it("a read fails with kind v2-disabled, naming --enable-v2=true and etcd 3.6", async () => {
    for (const key of [ROOT_KEY, parseKey(`${uniquePrefix("v2off")}/k`)]) {
      const error = await etcdErrorOf(client.keys.get(key));
      expect(error.kind).toBe("v2-disabled");
      expect(error.status).toBe(404);
      expect(error.message).toContain("--enable-v2=true");
      expect(error.message).toContain("3.6");
      expect(error.etcdCode).toBeUndefined();
    }
  });

  it("writes fail the same way, with a known outcome", async () => {
    const key = parseKey(`${uniquePrefix("v2off")}/k`);
    for (const attempt of [() => client.keys.set(key, "v"), () => client.keys.create(key, "v"), () => client.keys.delete(key)]) {
      const error = await etcdErrorOf(attempt);
      expect(error).toMatchObject({ kind: "v2-disabled", outcomeUnknown: false });
    }
  });

  it("the API answers 503 etcd_v2_disabled with the same advice", async () => {
    const response = errorResponse(await etcdErrorOf(client.keys.get(ROOT_KEY)));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("etcd_v2_disabled");
    expect(body.error.message).toContain("--enable-v2=true");
  });

  it("a watch fails with v2-disabled instead of retrying forever", async () => {
    const watcher = client.watch(ROOT_KEY, { recursive: true });
    const error = await etcdErrorOf(async () => {
      for await (const item of watcher) void item;
    });
    expect(error.kind).toBe("v2-disabled");
  });

  it("version still works (it is not part of the v2 API)", async () => {
    const version = await client.cluster.version();
    expect(version).toEqual((await directGet(etcd.clientURL, "/version")).json);
    expect(version.etcdserver).toMatch(/^3\.4\./);
  });

  it("members, health and stats, which need the v2 API, report v2-disabled too", async () => {
    expect((await directGet(etcd.clientURL, "/v2/members")).status).toBe(404);
    expect((await etcdErrorOf(client.cluster.members())).kind).toBe("v2-disabled");
    expect((await etcdErrorOf(client.cluster.health())).kind).toBe("v2-disabled");
    expect((await etcdErrorOf(client.cluster.storeStats())).kind).toBe("v2-disabled");
  });
});
