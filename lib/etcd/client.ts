// One etcd v2 client per cluster: the transport plus the key, cluster, auth and watch APIs.
import "server-only";
import { AuthAdminApi } from "./auth-admin";
import { ClusterApi } from "./cluster";
import { KeysApi } from "./keys";
import type { KeyPath } from "./key-path";
import { EtcdTransport, type TransportOptions } from "./transport";
import { watch, type WatchItem, type WatchOptions } from "./watch";

export class EtcdClient {
  readonly transport: EtcdTransport;
  readonly keys: KeysApi;
  readonly cluster: ClusterApi;
  /** Auth on / off, users and roles (root credentials needed once auth is on). */
  readonly auth: AuthAdminApi;

  constructor(options: TransportOptions) {
    this.transport = new EtcdTransport(options);
    this.keys = new KeysApi(this.transport);
    this.cluster = new ClusterApi(this.transport);
    this.auth = new AuthAdminApi(this.transport);
  }

  watch(key: KeyPath, options?: WatchOptions): AsyncGenerator<WatchItem, void, undefined> {
    return watch(this.transport, key, options);
  }

  close(): void {
    this.transport.close();
  }
}
