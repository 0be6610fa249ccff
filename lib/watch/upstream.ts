// One upstream etcd watch of a cluster's key (with or without recursion), shared by its subscribers: the
// long-poll loop, the recent events kept for subscribers resuming from a recent index, a private catch-up
// watch for those resuming from an older one, retrying / failure frames, and the linger after the last
// subscriber leaves.
import "server-only";
import { isEtcdError, type EtcdClient, type EtcdError, type KeyPath, type WatchItem } from "@/lib/etcd";
import { frames, toWatchEvent, type EventItem, type HubItem } from "./hub-frames";
import { RecentWindow } from "./recent-window";
import { indexOrder, type Subscription } from "./subscription";
import { Subscribers } from "./subscribers";

export interface UpstreamSettings {
  /** How long an upstream with no subscriber lives on (a reload reconnects within this). */
  lingerMs: number;
  /** Items a subscriber may have waiting before it is cut back to one resync. */
  maxQueue: number;
  /**
   * Frame text (in UTF-16 code units, about bytes) a subscriber may have waiting: with large values a
   * count alone would let one stalled reader hold hundreds of MB.
   */
  maxQueueBytes: number;
  /** Events kept per upstream for subscribers that resume from a recent index... */
  recentEvents: number;
  /** ...and at most this much of their frame text (older ones are caught up from etcd instead). */
  recentBytes: number;
  /** A private catch-up poll gives up waiting for a quiet key after this long and joins the upstream. */
  catchUpIdleMs: number;
  /** Turns a fatal error into the `failure` frame's JSON (the route maps it to the API envelope). */
  describeFailure?: (error: unknown) => unknown;
}

/** One upstream etcd watch of a cluster's key, shared by its subscribers. */
export class Upstream {
  private readonly fanOut: Subscribers<HubItem, number>;
  private readonly abort = new AbortController();
  /** Every event with index >= coveredFrom and <= lastIndex is in `recent`. Undefined until started. */
  private coveredFrom: number | undefined;
  private lastIndex = 0;
  /** The latest events, framed once, for subscribers resuming from a recent index. */
  private readonly recent: RecentWindow<EventItem>;
  /** Subscribers that arrived before the start index was known, with the index each wants. */
  private waitingForStart = new Map<Subscription, number | undefined>();
  /** Private catch-up watches in flight (they stop with the upstream). */
  private readonly catchUps = new Set<AbortController>();

  constructor(
    readonly client: EtcdClient,
    readonly key: KeyPath,
    readonly recursive: boolean,
    private readonly options: UpstreamSettings,
    private readonly onStop: (upstream: Upstream) => void,
  ) {
    this.recent = new RecentWindow(options);
    this.fanOut = new Subscribers(options, indexOrder, frames, () => this.stop(), (s) => this.waitingForStart.delete(s));
  }

  get subscribers(): ReadonlySet<Subscription> {
    return this.fanOut.all;
  }

  /** Starts the upstream at `fromIndex`, or right after etcd's current index. */
  start(fromIndex: number | undefined): void {
    void this.run(fromIndex);
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  subscribe(fromIndex: number | undefined): Subscription {
    const subscription = this.fanOut.add();
    if (this.coveredFrom === undefined) {
      // Not started yet: the subscriber learns its position with everyone else's.
      this.waitingForStart.set(subscription, fromIndex);
    } else {
      this.attach(subscription, fromIndex);
    }
    return subscription;
  }

  /** Joins a subscriber to the live flow from `fromIndex` (undefined: from now). */
  private attach(subscription: Subscription, fromIndex: number | undefined): void {
    const coveredFrom = this.coveredFrom!;
    if (fromIndex === undefined || fromIndex > this.lastIndex) {
      const after = fromIndex === undefined ? this.lastIndex : fromIndex - 1;
      subscription.pushCatchUp(frames.ready(after));
      subscription.endCatchUp();
      return;
    }
    if (fromIndex >= coveredFrom) {
      subscription.pushCatchUp(frames.ready(fromIndex - 1));
      for (const event of this.recent.items) if (event.index >= fromIndex) subscription.pushCatchUp(event);
      subscription.endCatchUp();
      return;
    }
    // Older than what this upstream holds: a private watch delivers [fromIndex, coveredFrom), then the
    // events kept here and the live ones take over.
    subscription.beginCatchUp();
    for (const event of this.recent.items) subscription.push(event);
    subscription.pushCatchUp(frames.ready(fromIndex - 1));
    void this.catchUp(subscription, fromIndex, coveredFrom);
  }

  private async catchUp(subscription: Subscription, fromIndex: number, until: number): Promise<void> {
    const controller = new AbortController();
    this.catchUps.add(controller);
    try {
      const watch = this.client.watch(this.key, {
        recursive: this.recursive,
        waitIndex: fromIndex,
        idleTimeoutMs: this.options.catchUpIdleMs,
        signal: controller.signal,
      });
      for await (const item of watch) {
        if (subscription.isClosed || this.stopped) return;
        if (item.type === "event") {
          if (item.index >= until) break;
          const event = toWatchEvent(item.index, item.event);
          if (event) subscription.pushCatchUp(frames.event(event));
          else subscription.pushCatchUp(frames.progress(item.index));
        } else if (item.type === "progress") {
          if (item.nextIndex >= until) break;
          subscription.pushCatchUp(frames.progress(item.nextIndex - 1));
        } else if (item.type === "resync") {
          // History lost between fromIndex and here: the subscriber reloads; the held events follow.
          subscription.pushCatchUp(frames.resync(Math.max(item.etcdIndex, until - 1), "history-cleared"));
          break;
        } else if (item.type === "retrying") {
          subscription.pushCatchUp(frames.status("retrying", item.error.message));
        }
      }
      subscription.endCatchUp();
    } catch (error) {
      subscription.pushCatchUp(this.fanOut.failureItem(error));
      subscription.finish();
    } finally {
      controller.abort();
      this.catchUps.delete(controller);
    }
  }

  stop(): void {
    this.fanOut.stopLinger();
    if (this.stopped) return;
    this.abort.abort();
    for (const controller of this.catchUps) controller.abort();
    this.onStop(this);
  }

  private async run(fromIndex: number | undefined): Promise<void> {
    const signal = this.abort.signal;
    try {
      let startIndex = fromIndex;
      for (let attempt = 0; startIndex === undefined; attempt++) {
        try {
          startIndex = (await this.client.keys.currentIndex(this.key, signal)) + 1;
        } catch (error) {
          if (signal.aborted) return;
          if (!isEtcdError(error) || !error.retryable) throw error;
          this.setRetrying(error);
          await new Promise((resolve) => setTimeout(resolve, Math.min(3_000, 100 * 2 ** attempt)));
          if (signal.aborted) return;
        }
      }
      this.coveredFrom = startIndex;
      this.lastIndex = startIndex - 1;
      this.setLive();
      const waiting = this.waitingForStart;
      this.waitingForStart = new Map();
      for (const [subscription, wanted] of waiting) this.attach(subscription, wanted);

      for await (const item of this.client.watch(this.key, { recursive: this.recursive, waitIndex: startIndex, signal })) {
        this.handle(item);
      }
    } catch (error) {
      if (signal.aborted) return;
      this.fanOut.failAll(error);
      this.stop();
    }
  }

  private handle(item: WatchItem): void {
    switch (item.type) {
      case "event": {
        this.setLive();
        this.lastIndex = item.index;
        const event = toWatchEvent(item.index, item.event);
        if (!event) {
          this.fanOut.broadcast(frames.progress(item.index));
          return;
        }
        const framed = frames.event(event);
        const dropped = this.recent.keep(framed);
        if (dropped) this.coveredFrom = dropped.index + 1;
        this.fanOut.broadcast(framed);
        return;
      }
      case "progress":
        this.setLive();
        this.lastIndex = Math.max(this.lastIndex, item.nextIndex - 1);
        this.fanOut.broadcast(frames.progress(this.lastIndex));
        return;
      case "resync":
        this.setLive();
        this.lastIndex = item.etcdIndex;
        this.recent.clear();
        this.coveredFrom = item.etcdIndex + 1;
        this.fanOut.broadcast(frames.resync(item.etcdIndex, "history-cleared"));
        return;
      case "retrying":
        this.setRetrying(item.error);
        return;
    }
  }

  private setRetrying(error: EtcdError): void {
    this.fanOut.setRetrying(`etcd cannot be reached (${error.message}); retrying.`);
  }

  private setLive(): void {
    this.fanOut.setLive();
  }
}
