// What lib/etcd's key tests share (keys-*.int.test.ts): a client of the global setup's etcd, and the node
// etcd itself holds for a key, read directly (lib/testing/etcd-direct.ts) to check every result against.
import { afterAll, expect, inject } from "vitest";
import { EtcdClient } from "@/lib/etcd/client";
import { directGetKey } from "./etcd-direct";

/** A client of the global setup's etcd, closed after the calling test file. */
export function keysTestClient(): EtcdClient {
  const client = new EtcdClient({ endpoints: [inject("etcdURL")], discoverMembers: false });
  afterAll(() => client.close());
  return client;
}

/** The node etcd holds for `key` (read directly), or undefined when etcd says 404. */
export async function witness(key: string, query: Record<string, string> = {}) {
  const res = await directGetKey(inject("etcdURL"), key, query);
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return res.json.node as {
    key?: string;
    value?: string;
    dir?: boolean;
    ttl?: number;
    expiration?: string;
    nodes?: { key: string; value?: string; dir?: boolean; nodes?: unknown[] }[];
    modifiedIndex: number;
    createdIndex: number;
  };
}
