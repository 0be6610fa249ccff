// The v3 side of the watch hub: every subscriber of the same cluster, key and prefix flag shares one
// Upstream3, and every upstream of a cluster shares the cluster's one gRPC Watch stream
// (cluster-stream.ts). Settings and their defaults are the v2 hub's (lib/watch/hub.ts).
import "server-only";
import type { Etcd3Client } from "@/lib/etcd3";
import { END_OF_KEYSPACE, prefixEnd } from "@/lib/etcd3";
import { HUB_DEFAULTS, type HubOptions } from "@/lib/watch/hub";
import type { UpstreamSettings } from "@/lib/watch/upstream";
import { ClusterWatchStream, type ClusterStreamOptions } from "./cluster-stream";
import type { Position3 } from "./protocol";
import { Upstream3, type Subscription3 } from "./upstream3";

export interface Subscribe3Options {
  cluster: string;
  client: Etcd3Client;
  /** The key's bytes; with `prefix`, every key that starts with them (empty: every key). */
  key: Uint8Array;
  prefix: boolean;
  /** Resume after this position (Last-Event-ID, or fromRevision - 1); absent: from now on. */
  after?: Position3;
}

export class WatchHub3 {
  private readonly upstreams = new Map<string, Upstream3>();
  private readonly streams = new Map<string, ClusterWatchStream>();
  private readonly options: UpstreamSettings;

  constructor(
    options: HubOptions = {},
    private readonly streamOptions: ClusterStreamOptions = {},
  ) {
    this.options = { ...HUB_DEFAULTS, ...options };
  }

  subscribe({ cluster, client, key, prefix, after }: Subscribe3Options): Subscription3 {
    if (key.length === 0 && !prefix) throw new RangeError("a v3 watch of one key needs a key (etcd has no empty key)");
    const id = `${cluster}\u0000${prefix ? "p" : "-"}\u0000${Buffer.from(key).toString("hex")}`;
    const existing = this.upstreams.get(id);
    if (existing && !existing.stopped && existing.client === client) return existing.subscribe(after);
    existing?.stop();
    const upstream = new Upstream3(this.streamOf(cluster, client), { ...watchRange(key, prefix), prevKv: true }, this.options, (stopped) => {
      if (this.upstreams.get(id) === stopped) this.upstreams.delete(id);
    });
    this.upstreams.set(id, upstream);
    const subscription = upstream.subscribe(after);
    upstream.start(after);
    return subscription;
  }

  /** The cluster's one stream (a new one when the cluster's client was replaced). */
  private streamOf(cluster: string, client: Etcd3Client): ClusterWatchStream {
    let stream = this.streams.get(cluster);
    if (!stream || stream.closed || stream.client !== client) {
      stream?.close();
      stream = new ClusterWatchStream(client, this.streamOptions);
      this.streams.set(cluster, stream);
    }
    return stream;
  }

  /** The member a cluster's stream uses now (undefined while it has none open). */
  streamEndpoint(cluster: string): string | undefined {
    return this.streams.get(cluster)?.endpoint;
  }

  /** Upstream watches running now, their subscribers, and the watches on each cluster's stream. */
  stats(): { upstreams: number; subscribers: number; streamWatches: number } {
    let subscribers = 0;
    for (const upstream of this.upstreams.values()) subscribers += upstream.subscribers.size;
    let streamWatches = 0;
    for (const stream of this.streams.values()) streamWatches += stream.size;
    return { upstreams: this.upstreams.size, subscribers, streamWatches };
  }

  close(): void {
    for (const upstream of [...this.upstreams.values()]) {
      for (const subscription of [...upstream.subscribers]) subscription.close();
      upstream.stop();
    }
    for (const stream of this.streams.values()) stream.close();
    this.streams.clear();
  }
}

/**
 * The range etcd watches for a key, or for every key under a prefix. The empty prefix is the whole keyspace:
 * key "\0" with range end "\0" (§3.1), since an empty key is accepted by a watch but matches nothing (§6.1).
 */
export function watchRange(key: Uint8Array, prefix: boolean): { key: Buffer; rangeEnd?: Buffer } {
  const bytes = Buffer.from(key);
  if (!prefix) return { key: bytes };
  if (bytes.length === 0) return { key: END_OF_KEYSPACE, rangeEnd: END_OF_KEYSPACE };
  return { key: bytes, rangeEnd: prefixEnd(bytes) };
}
