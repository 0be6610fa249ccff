// The subscribers of one upstream watch (v2's lib/watch/upstream.ts, v3's lib/watch3/upstream3.ts): each
// gets its own bounded queue (subscription.ts) in the upstream's order, every item is handed to all,
// `retrying` / `live` statuses are said once per change (and `retrying` again to whoever joins while it
// lasts), a fatal error ends every subscription with a `failure`, and the upstream is told to stop once
// it has had no subscriber for `lingerMs` (a reload reconnects within it).
import "server-only";
import { Subscription, type ItemOrder } from "./subscription";
import type { UpstreamSettings } from "./upstream";

/** The status and failure items of the upstream's stream (hub-frames.ts `frames`, watch3 `frames3`). */
export interface StatusFrames<Item> {
  status(state: "retrying" | "live", message?: string): Item;
  failure(error: unknown, payload: unknown): Item;
}

export class Subscribers<Item extends { type: string; frame: string }, Position> {
  readonly all = new Set<Subscription<Item, Position>>();
  private retryMessage: string | undefined;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: UpstreamSettings,
    private readonly order: ItemOrder<Item, Position>,
    private readonly frames: StatusFrames<Item>,
    /** No subscriber for `lingerMs`: the upstream should stop. */
    private readonly onIdle: () => void,
    /** A subscription closed (after it left `all`). */
    private readonly onLeave: (subscription: Subscription<Item, Position>) => void = () => {},
  ) {}

  get size(): number {
    return this.all.size;
  }

  /** A new subscriber (told `retrying` at once when the upstream is retrying). */
  add(): Subscription<Item, Position> {
    clearTimeout(this.lingerTimer);
    const subscription = new Subscription<Item, Position>({ items: this.options.maxQueue, size: this.options.maxQueueBytes }, (s) => this.leave(s), this.order);
    this.all.add(subscription);
    if (this.retryMessage !== undefined) subscription.push(this.frames.status("retrying", this.retryMessage));
    return subscription;
  }

  private leave(subscription: Subscription<Item, Position>): void {
    this.all.delete(subscription);
    this.onLeave(subscription);
    if (this.all.size > 0) return;
    clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => {
      if (this.all.size === 0) this.onIdle();
    }, this.options.lingerMs);
  }

  /** The upstream stopped: no linger timer left behind. */
  stopLinger(): void {
    clearTimeout(this.lingerTimer);
  }

  broadcast(item: Item): void {
    for (const subscription of this.all) subscription.push(item);
  }

  failureItem(error: unknown): Item {
    return this.frames.failure(error, this.options.describeFailure ? this.options.describeFailure(error) : { error: { code: "internal", message: "The watch stopped." } });
  }

  /** The watch cannot go on: every subscriber gets the failure after what it has queued, then its stream ends. */
  failAll(error: unknown): void {
    const failure = this.failureItem(error);
    for (const subscription of [...this.all]) {
      subscription.pushCatchUp(failure);
      subscription.finish();
    }
  }

  setRetrying(message: string): void {
    if (this.retryMessage !== undefined) return;
    this.retryMessage = message;
    this.broadcast(this.frames.status("retrying", message));
  }

  setLive(): void {
    if (this.retryMessage === undefined) return;
    this.retryMessage = undefined;
    this.broadcast(this.frames.status("live"));
  }
}
