// An etcd client that reaches the integration tests' etcd through a counting forwarder (to count, or to
// cut, what crosses the wire), set up before a file's tests and closed after them. Vitest only.
import { afterAll, beforeAll, inject } from "vitest";
import { EtcdClient } from "@/lib/etcd/client";
import { startCountingProxy, type CountingProxy } from "./counting-proxy";

export interface ProxiedClient {
  /** The etcd the forwarder leads to, for direct reads that bypass it. */
  readonly etcdURL: string;
  readonly proxy: CountingProxy;
  readonly client: EtcdClient;
}

export function useProxiedClient(): ProxiedClient {
  const etcdURL = inject("etcdURL");
  let proxy: CountingProxy | undefined;
  let client: EtcdClient | undefined;
  beforeAll(async () => {
    proxy = await startCountingProxy(etcdURL);
    client = new EtcdClient({ endpoints: [proxy.url], discoverMembers: false });
  });
  afterAll(async () => {
    client?.close();
    await proxy?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useProxiedClient: used before its beforeAll ran");
    return value;
  };
  return {
    etcdURL,
    get proxy() {
      return ready(proxy);
    },
    get client() {
      return ready(client);
    },
  };
}
