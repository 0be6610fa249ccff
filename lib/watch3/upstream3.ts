// One v3 watch of a cluster's key (or every key under a prefix), shared by its subscribers: the v2
// upstream's qualities (lib/watch/upstream.ts) on the cluster's one gRPC stream (cluster-stream.ts).
// Recent events are kept for subscribers resuming from a recent position; an older one gets a private
// watch on the same stream from its own position until it reaches what this upstream holds; a
// compaction becomes a `resync` and the watch is added again after the current revision; retrying /
// live statuses while the stream is down; the upstream lingers after its last subscriber leaves.
import "server-only";
import { RecentWindow } from "@/lib/watch/recent-window";
import { Subscribers } from "@/lib/watch/subscribers";
import type { Subscription } from "@/lib/watch/subscription";
import type { UpstreamSettings } from "@/lib/watch/upstream";
import { EtcdError } from "@/lib/etcd/errors";
import type { Etcd3Client } from "@/lib/etcd3";
import type { ClusterWatchStream, Watcher3 } from "./cluster-stream";
import { frames3, order3, type EventItem3, type HubItem3 } from "./frames";
import { comparePositions, startRevisionAfter, type Position3 } from "./protocol";
import type { Delivery3, WatchSpec3 } from "./watch-stream-state";

export type Subscription3 = Subscription<HubItem3, Position3>;

/** A complete revision's position. */
const at = (revision: number): Position3 => ({ revision, seq: Infinity });

export class Upstream3 {
  private readonly fanOut: Subscribers<HubItem3, Position3>;
  private readonly abort = new AbortController();
  /** Every event at a revision >= coveredFrom, up to lastRevision, is in `recent`. Undefined until created. */
  private coveredFrom: number | undefined;
  private lastRevision = 0;
  private readonly recent: RecentWindow<EventItem3>;
  /** Subscribers that came before the watch was created, with the position each resumes after. */
  private waitingForStart = new Map<Subscription3, Position3 | undefined>();
  /** Private catch-up watches on the stream (they end with the upstream). */
  private readonly catchUps = new Set<Watcher3>();
  private readonly main: Watcher3 = { deliver: (d) => this.handle(d), retrying: (message) => this.setRetrying(message) };

  constructor(
    private readonly stream: ClusterWatchStream,
    /** The watched range (key alone, or key and a prefix end), without a start revision. */
    private readonly spec: Omit<WatchSpec3, "startRevision">,
    options: UpstreamSettings,
    private readonly onStop: (upstream: Upstream3) => void,
  ) {
    this.recent = new RecentWindow(options);
    this.fanOut = new Subscribers(options, order3, frames3, () => this.stop(), (s) => this.waitingForStart.delete(s));
  }

  get subscribers(): ReadonlySet<Subscription3> {
    return this.fanOut.all;
  }

  get client(): Etcd3Client {
    return this.stream.client;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Starts the watch after `after` (a subscriber's resume position), or after now. */
  start(after: Position3 | undefined): void {
    this.stream.add(this.main, { ...this.spec, ...(after ? { startRevision: startRevisionAfter(after) } : {}) });
  }

  subscribe(after: Position3 | undefined): Subscription3 {
    const subscription = this.fanOut.add();
    if (this.coveredFrom === undefined) this.waitingForStart.set(subscription, after);
    else this.attach(subscription, after);
    return subscription;
  }

  /** Joins a subscriber to the live flow after `after` (undefined: after now). */
  private attach(subscription: Subscription3, after: Position3 | undefined): void {
    const coveredFrom = this.coveredFrom!;
    if (after === undefined || comparePositions(after, at(this.lastRevision)) >= 0) {
      subscription.pushCatchUp(frames3.ready(after ?? this.lastRevision));
      subscription.endCatchUp();
      return;
    }
    if (startRevisionAfter(after) >= coveredFrom) {
      // The subscription drops what is at or before `after` (positions only go up).
      subscription.pushCatchUp(frames3.ready(after));
      for (const item of this.recent.items) subscription.pushCatchUp(item);
      subscription.endCatchUp();
      return;
    }
    // Older than what this upstream holds: a private watch delivers up to coveredFrom, then the events
    // kept here and the live ones (held meanwhile) take over.
    subscription.beginCatchUp();
    for (const item of this.recent.items) subscription.push(item);
    subscription.pushCatchUp(frames3.ready(after));
    this.catchUp(subscription, after, coveredFrom);
  }

  /**
   * A private watch from `after` on the cluster's stream, until its resume point reaches `until` (an event
   * or a progress at or past it; a quiet key's subscriber is held until its next change, which the
   * private watch sees too, so nothing is given early or lost).
   */
  private catchUp(subscription: Subscription3, after: Position3, until: number): void {
    const end = () => {
      this.catchUps.delete(watcher);
      this.stream.remove(watcher);
    };
    const watcher: Watcher3 = {
      retrying: (message) => subscription.pushCatchUp(frames3.status("retrying", message)),
      deliver: (d) => {
        if (subscription.isClosed || this.stopped) return end();
        switch (d.type) {
          case "events":
            for (const item of frames3.events(d.events)) if (item.position.revision < until) subscription.pushCatchUp(item);
            if (d.revision >= until - 1) {
              end();
              subscription.endCatchUp();
            }
            return;
          case "progress":
            if (d.revision < until - 1) return subscription.pushCatchUp(frames3.progress(d.revision));
            end();
            return subscription.endCatchUp();
          case "compacted":
            // §6.4: history from `after` is gone: the subscriber reloads, then the held events follow.
            this.catchUps.delete(watcher);
            subscription.pushCatchUp(frames3.resync(Math.max(after.revision, until - 1), "compacted"));
            return subscription.endCatchUp();
          case "refused":
          case "canceled":
            this.catchUps.delete(watcher);
            subscription.pushCatchUp(this.fanOut.failureItem(watchEnded(d.reason)));
            return subscription.finish();
          default:
            return; // ready, resumed: nothing for the subscriber (the upstream says when the stream is live)
        }
      },
    };
    this.catchUps.add(watcher);
    this.stream.add(watcher, { ...this.spec, startRevision: startRevisionAfter(after) });
  }

  stop(): void {
    this.fanOut.stopLinger();
    if (this.stopped) return;
    this.abort.abort();
    this.stream.remove(this.main);
    for (const watcher of this.catchUps) this.stream.remove(watcher);
    this.catchUps.clear();
    this.onStop(this);
  }

  private handle(delivery: Delivery3<Watcher3>): void {
    if (this.stopped) return;
    switch (delivery.type) {
      case "ready": {
        this.setLive();
        this.coveredFrom = delivery.revision + 1;
        this.lastRevision = Math.max(this.lastRevision, delivery.revision);
        const waiting = this.waitingForStart;
        this.waitingForStart = new Map();
        for (const [subscription, after] of waiting) this.attach(subscription, after);
        return;
      }
      case "resumed":
        return this.setLive();
      case "events":
        this.setLive();
        this.lastRevision = delivery.revision;
        for (const item of frames3.events(delivery.events)) {
          this.keep(item);
          this.fanOut.broadcast(item);
        }
        return;
      case "progress":
        this.setLive();
        this.lastRevision = Math.max(this.lastRevision, delivery.revision);
        return this.fanOut.broadcast(frames3.progress(this.lastRevision));
      case "compacted":
        return void this.recoverFromCompaction();
      case "refused":
      case "canceled":
        return this.fail(watchEnded(delivery.reason));
      case "reauthenticate":
        return; // the stream renews the token and reopens (cluster-stream.ts)
    }
  }

  /** Keeps an event for subscribers resuming from a recent position, within the count and size caps. */
  private keep(item: EventItem3): void {
    const dropped = this.recent.keep(item);
    if (dropped) this.coveredFrom = dropped.position.revision + 1;
  }

  /**
   * §6.4, gotcha 11: the watch's history is gone. Subscribers reload at the current revision R (a `resync`),
   * and the watch is added again from R + 1, never from the compact revision (a DELETE there is missed).
   */
  private async recoverFromCompaction(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        // The watched key alone (a prefix would count its whole range, gotcha 4): only the header is needed.
        const { header } = await this.client.range({ key: this.spec.key, keysOnly: true, limit: 1 }, this.abort.signal);
        if (this.stopped) return;
        const revision = Number(header.revision);
        this.recent.clear();
        this.coveredFrom = revision + 1;
        this.lastRevision = revision;
        this.fanOut.broadcast(frames3.resync(revision, "compacted"));
        this.stream.add(this.main, { ...this.spec, startRevision: revision + 1 });
        return;
      } catch (error) {
        if (this.stopped) return;
        this.setRetrying(error instanceof Error ? error.message : String(error));
        await new Promise((resolve) => setTimeout(resolve, Math.min(3_000, 100 * 2 ** attempt)));
      }
    }
  }

  /** etcd ended the watch for good (e.g. permission denied, §9): every subscriber gets the failure. */
  private fail(error: Error): void {
    this.fanOut.failAll(error);
    this.stop();
  }

  private setRetrying(message: string): void {
    this.fanOut.setRetrying(message);
  }

  private setLive(): void {
    this.fanOut.setLive();
  }
}

/** etcd refused or ended a watch (`cancel_reason`, §9): permission denied keeps its kind for the API's status. */
function watchEnded(reason: string): EtcdError {
  const denied = /PermissionDenied|permission denied/.test(reason);
  return new EtcdError(denied ? "permission-denied" : "rejected", `etcd ended the watch: ${reason}`, { etcdCause: reason });
}
