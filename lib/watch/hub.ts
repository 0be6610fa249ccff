// The watch hub's registry: every subscriber of the same cluster, key and recursion shares one upstream
// etcd long-poll (upstream.ts); a subscriber resuming from an older index catches up on a short private
// watch first. Events are framed as SSE text once per upstream (hub-frames.ts), not once per subscriber,
// and each subscriber reads them from its own bounded queue (subscription.ts).
import "server-only";
import type { EtcdClient, KeyPath } from "@/lib/etcd";
import type { Subscription } from "./subscription";
import { Upstream, type UpstreamSettings } from "./upstream";

export type HubOptions = Partial<UpstreamSettings>;

export interface SubscribeOptions {
  cluster: string;
  client: EtcdClient;
  key: KeyPath;
  recursive: boolean;
  /** First index wanted (etcd's waitIndex); absent: from now on. */
  fromIndex?: number;
}

/** Shared with the v3 hub (lib/watch3/hub3.ts). */
export const HUB_DEFAULTS = { lingerMs: 3_000, maxQueue: 10_000, maxQueueBytes: 8 * 1024 * 1024, recentEvents: 1_000, recentBytes: 16 * 1024 * 1024, catchUpIdleMs: 300 };

export class WatchHub {
  private readonly upstreams = new Map<string, Upstream>();
  private readonly options: UpstreamSettings;

  constructor(options: HubOptions = {}) {
    this.options = { ...HUB_DEFAULTS, ...options };
  }

  subscribe({ cluster, client, key, recursive, fromIndex }: SubscribeOptions): Subscription {
    const id = `${cluster}\u0000${recursive ? "r" : "-"}\u0000${key}`;
    let upstream = this.upstreams.get(id);
    if (!upstream || upstream.stopped || upstream.client !== client) {
      upstream?.stop();
      upstream = new Upstream(client, key, recursive, this.options, (stopped) => {
        if (this.upstreams.get(id) === stopped) this.upstreams.delete(id);
      });
      this.upstreams.set(id, upstream);
      const subscription = upstream.subscribe(fromIndex);
      upstream.start(fromIndex);
      return subscription;
    }
    return upstream.subscribe(fromIndex);
  }

  /** Upstream watches running now, and their subscribers (for tests, benchmarks and diagnostics). */
  stats(): { upstreams: number; subscribers: number } {
    let subscribers = 0;
    for (const upstream of this.upstreams.values()) subscribers += upstream.subscribers.size;
    return { upstreams: this.upstreams.size, subscribers };
  }

  close(): void {
    for (const upstream of [...this.upstreams.values()]) {
      for (const subscription of [...upstream.subscribers]) subscription.close();
      upstream.stop();
    }
  }
}
