// The watch hub: every subscriber of the same cluster, key and recursion shares one upstream etcd
// long-poll; a subscriber resuming from an older index catches up on a short private watch first.
// Events are framed as SSE text once per upstream, not once per subscriber.
import type { V2Node } from "@/lib/etcd/wire";
import { isEtcdError, type EtcdClient, type EtcdError, type KeyPath, type WatchItem } from "@/lib/etcd";
import { formatSse } from "./sse";
import { isWatchAction, type ResyncReason, type WatchEvent } from "./protocol";

/** What a subscription hands to its stream, in order. `frame` is the SSE text to send. */
export type HubItem =
  | { type: "ready"; etcdIndex: number; frame: string }
  | { type: "event"; index: number; event: WatchEvent; frame: string }
  | { type: "resync"; etcdIndex: number; reason: ResyncReason; frame: string }
  | { type: "progress"; index: number; frame: string }
  | { type: "status"; state: "retrying" | "live"; message?: string; frame: string }
  | { type: "failure"; error: unknown; frame: string };

export interface HubOptions {
  /** How long an upstream with no subscriber lives on (a reload reconnects within this). */
  lingerMs?: number;
  /** Items a subscriber may have waiting before it is cut back to one resync. */
  maxQueue?: number;
  /**
   * Frame text (in UTF-16 code units, about bytes) a subscriber may have waiting: with large values a
   * count alone would let one stalled reader hold hundreds of MB.
   */
  maxQueueBytes?: number;
  /** Events kept per upstream for subscribers that resume from a recent index... */
  recentEvents?: number;
  /** ...and at most this much of their frame text (older ones are caught up from etcd instead). */
  recentBytes?: number;
  /** A private catch-up poll gives up waiting for a quiet key after this long and joins the upstream. */
  catchUpIdleMs?: number;
  /** Turns a fatal error into the `failure` frame's JSON (the route maps it to the API envelope). */
  describeFailure?: (error: unknown) => unknown;
}

export interface SubscribeOptions {
  cluster: string;
  client: EtcdClient;
  key: KeyPath;
  recursive: boolean;
  /** First index wanted (etcd's waitIndex); absent: from now on. */
  fromIndex?: number;
}

const DEFAULTS = { lingerMs: 3_000, maxQueue: 10_000, maxQueueBytes: 8 * 1024 * 1024, recentEvents: 1_000, recentBytes: 16 * 1024 * 1024, catchUpIdleMs: 300 };

export const frames = {
  ready: (etcdIndex: number): HubItem => ({ type: "ready", etcdIndex, frame: formatSse({ event: "ready", id: String(etcdIndex), data: JSON.stringify({ etcdIndex }) }) }),
  event: (event: WatchEvent): HubItem => {
    const { index, ...data } = event;
    return { type: "event", index, event, frame: formatSse({ event: event.action, id: String(index), data: JSON.stringify(data) }) };
  },
  resync: (etcdIndex: number, reason: ResyncReason): HubItem => ({
    type: "resync",
    etcdIndex,
    reason,
    frame: formatSse({ event: "resync", id: String(etcdIndex), data: JSON.stringify({ etcdIndex, reason }) }),
  }),
  progress: (index: number): HubItem => ({ type: "progress", index, frame: formatSse({ id: String(index) }) }),
  status: (state: "retrying" | "live", message?: string): HubItem => ({ type: "status", state, message, frame: formatSse({ event: "status", data: JSON.stringify({ state, message }) }) }),
  failure: (error: unknown, payload: unknown): HubItem => ({ type: "failure", error, frame: formatSse({ event: "failure", data: JSON.stringify(payload) }) }),
};

/** The last index an item accounts for (events, resyncs, progress and ready move it; status does not). */
function indexOf(item: HubItem): number | undefined {
  switch (item.type) {
    case "event":
      return item.index;
    case "ready":
    case "resync":
      return item.etcdIndex;
    case "progress":
      return item.index;
    default:
      return undefined;
  }
}

/** The index the last indexed item accounts for (held items are in index order), or -1. */
function lastIndexIn(items: HubItem[]): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const index = indexOf(items[i]!);
    if (index !== undefined) return index;
  }
  return -1;
}

/** A watch event from etcd's response, or undefined for an action a watch does not deliver. */
export function toWatchEvent(index: number, response: { action: string; node?: unknown; prevNode?: unknown }): WatchEvent | undefined {
  if (!isWatchAction(response.action) || !response.node) return undefined;
  const event: WatchEvent = { index, action: response.action, node: response.node as V2Node };
  if (response.prevNode) event.prevNode = response.prevNode as V2Node;
  return event;
}

/**
 * One subscriber's ordered queue. Indexes only go up: an item at or below what was already handed on
 * is dropped, so overlapping catch-up and live delivery never repeat an event.
 */
export class Subscription {
  private queue: HubItem[] = [];
  /** Frame text in `queue` and `held`. */
  private queuedSize = 0;
  private waiter: (() => void) | null = null;
  private closed = false;
  /** Highest index handed to the queue; the first item is always `ready`, which sets it. */
  private position = -1;
  /** While catching up, live items wait here (their order is already right). */
  private held: HubItem[] | null = null;

  constructor(
    private readonly limits: { items: number; size: number },
    private readonly onClose: (subscription: Subscription) => void,
  ) {}

  get lastIndex(): number {
    return this.position;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Adds an item, unless it repeats an index already handed on. */
  push(item: HubItem): void {
    if (this.closed) return;
    if (this.held) {
      this.held.push(item);
      this.queuedSize += item.frame.length;
      if (this.held.length > this.limits.items || this.queuedSize > this.limits.size) this.overflow(Math.max(this.position, lastIndexIn(this.held)));
      return;
    }
    this.enqueue(item);
  }

  private enqueue(item: HubItem): void {
    const index = indexOf(item);
    if (index !== undefined) {
      // Events and progress must move forward; ready and resync may restate the position.
      const restates = item.type === "ready" || item.type === "resync";
      if (restates ? index < this.position : index <= this.position) return;
      this.position = index;
    }
    this.queue.push(item);
    this.queuedSize += item.frame.length;
    if (this.queue.length > this.limits.items || this.queuedSize > this.limits.size) this.overflow(this.position);
    this.wake();
  }

  /** The reader can't keep up: drop its backlog for one resync at the newest index it would have reached. */
  private overflow(index: number): void {
    this.held = this.held ? [] : null;
    this.queue = [frames.resync(index, "too-slow")];
    this.queuedSize = this.queue[0]!.frame.length;
    this.position = index;
    this.wake();
  }

  /** Live items wait until `endCatchUp` (a private watch is delivering older events meanwhile). */
  beginCatchUp(): void {
    this.held ??= [];
  }

  endCatchUp(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const item of held) this.queuedSize -= item.frame.length;
    for (const item of held) this.enqueue(item);
  }

  /** Items from a private catch-up watch, delivered ahead of the held live items. */
  pushCatchUp(item: HubItem): void {
    if (!this.closed) this.enqueue(item);
  }

  /**
   * Everything queued, or, when the queue is empty, waits for the next item up to `timeoutMs`.
   * An empty array: the wait timed out (time for a keep-alive). null: the subscription is closed.
   */
  async take(timeoutMs: number): Promise<HubItem[] | null> {
    if (this.queue.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiter = done;
      });
      this.waiter = null;
    }
    if (this.queue.length === 0) return this.closed ? null : [];
    const items = this.queue;
    this.queue = [];
    for (const item of items) this.queuedSize -= item.frame.length;
    return items;
  }

  /** Ends the subscription after what is queued has been taken (e.g. after a failure frame). */
  finish(): void {
    this.closed = true;
    this.onClose(this);
    this.wake();
  }

  /** The stream went away: drop everything now. */
  close(): void {
    if (this.closed) return;
    this.queue = [];
    this.held = null;
    this.queuedSize = 0;
    this.finish();
  }

  private wake(): void {
    this.waiter?.();
  }
}

/** One upstream etcd watch of a cluster's key, shared by its subscribers. */
class Upstream {
  readonly subscribers = new Set<Subscription>();
  private readonly abort = new AbortController();
  /** Every event with index >= coveredFrom and <= lastIndex is in `recent`. Undefined until started. */
  private coveredFrom: number | undefined;
  private lastIndex = 0;
  /** The latest events, framed once, for subscribers resuming from a recent index. */
  private recent: (HubItem & { type: "event" })[] = [];
  private recentSize = 0;
  private retrying = false;
  private retryMessage = "";
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  /** Subscribers that arrived before the start index was known, with the index each wants. */
  private waitingForStart = new Map<Subscription, number | undefined>();
  /** Private catch-up watches in flight (they stop with the upstream). */
  private readonly catchUps = new Set<AbortController>();

  constructor(
    readonly client: EtcdClient,
    readonly key: KeyPath,
    readonly recursive: boolean,
    private readonly options: Required<Omit<HubOptions, "describeFailure">> & Pick<HubOptions, "describeFailure">,
    private readonly onStop: (upstream: Upstream) => void,
  ) {}

  /** Starts the upstream at `fromIndex`, or right after etcd's current index. */
  start(fromIndex: number | undefined): void {
    void this.run(fromIndex);
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  subscribe(fromIndex: number | undefined): Subscription {
    clearTimeout(this.lingerTimer);
    const subscription = new Subscription({ items: this.options.maxQueue, size: this.options.maxQueueBytes }, (s) => this.unsubscribe(s));
    this.subscribers.add(subscription);
    if (this.retrying) subscription.push(frames.status("retrying", this.retryMessage));
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
      for (const event of this.recent) if (event.index >= fromIndex) subscription.pushCatchUp(event);
      subscription.endCatchUp();
      return;
    }
    // Older than what this upstream holds: a private watch delivers [fromIndex, coveredFrom), then the
    // events kept here and the live ones take over.
    subscription.beginCatchUp();
    for (const event of this.recent) subscription.push(event);
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
      subscription.pushCatchUp(this.failureItem(error));
      subscription.finish();
    } finally {
      controller.abort();
      this.catchUps.delete(controller);
    }
  }

  private unsubscribe(subscription: Subscription): void {
    this.subscribers.delete(subscription);
    this.waitingForStart.delete(subscription);
    if (this.subscribers.size === 0 && !this.stopped) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = setTimeout(() => {
        if (this.subscribers.size === 0) this.stop();
      }, this.options.lingerMs);
    }
  }

  stop(): void {
    clearTimeout(this.lingerTimer);
    if (this.stopped) return;
    this.abort.abort();
    for (const controller of this.catchUps) controller.abort();
    this.onStop(this);
  }

  private broadcast(item: HubItem): void {
    for (const subscription of this.subscribers) subscription.push(item);
  }

  private failureItem(error: unknown): HubItem {
    return frames.failure(error, this.options.describeFailure ? this.options.describeFailure(error) : { error: { code: "internal", message: "The watch stopped." } });
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
      const failure = this.failureItem(error);
      for (const subscription of [...this.subscribers]) {
        subscription.pushCatchUp(failure);
        subscription.finish();
      }
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
          this.broadcast(frames.progress(item.index));
          return;
        }
        const framed = frames.event(event) as HubItem & { type: "event" };
        this.recent.push(framed);
        this.recentSize += framed.frame.length;
        // Drop the oldest beyond the count, then beyond the size (the newest one always stays).
        let drop = Math.max(0, this.recent.length - this.options.recentEvents);
        let kept = this.recentSize;
        for (let i = 0; i < drop; i++) kept -= this.recent[i]!.frame.length;
        while (kept > this.options.recentBytes && drop < this.recent.length - 1) kept -= this.recent[drop++]!.frame.length;
        if (drop > 0) {
          const dropped = this.recent.splice(0, drop);
          for (const event of dropped) this.recentSize -= event.frame.length;
          this.coveredFrom = dropped[dropped.length - 1]!.index + 1;
        }
        this.broadcast(framed);
        return;
      }
      case "progress":
        this.setLive();
        this.lastIndex = Math.max(this.lastIndex, item.nextIndex - 1);
        this.broadcast(frames.progress(this.lastIndex));
        return;
      case "resync":
        this.setLive();
        this.lastIndex = item.etcdIndex;
        this.recent = [];
        this.recentSize = 0;
        this.coveredFrom = item.etcdIndex + 1;
        this.broadcast(frames.resync(item.etcdIndex, "history-cleared"));
        return;
      case "retrying":
        this.setRetrying(item.error);
        return;
    }
  }

  private setRetrying(error: EtcdError): void {
    if (this.retrying) return;
    this.retrying = true;
    this.retryMessage = `etcd cannot be reached (${error.message}); retrying.`;
    this.broadcast(frames.status("retrying", this.retryMessage));
  }

  private setLive(): void {
    if (!this.retrying) return;
    this.retrying = false;
    this.broadcast(frames.status("live"));
  }
}

export class WatchHub {
  private readonly upstreams = new Map<string, Upstream>();
  private readonly options: Required<Omit<HubOptions, "describeFailure">> & Pick<HubOptions, "describeFailure">;

  constructor(options: HubOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
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
