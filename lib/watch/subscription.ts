// One subscriber's bounded queue of hub items: a reader that falls behind by more than its frame or byte
// cap is cut back to a single `too-slow` resync instead of holding the server's memory. v2 items are
// ordered by etcd index; v3 items by revision and place within it (lib/watch3/frames.ts `order3`).
import "server-only";
import { frames, indexOfItem, type HubItem } from "./hub-frames";

/** How a stream's items are ordered, and the item that replaces a backlog. */
export interface ItemOrder<Item, Position> {
  /** Where an item puts the reader (undefined: it moves nothing, e.g. status). */
  positionOf(item: Item): Position | undefined;
  compare(a: Position, b: Position): number;
  /** Before the first item. */
  start: Position;
  /** The single item a too-slow reader gets instead of its backlog, at the position it would have reached. */
  tooSlow(position: Position): Item;
}

/** v2: etcd indexes. */
export const indexOrder: ItemOrder<HubItem, number> = {
  positionOf: indexOfItem,
  compare: (a, b) => a - b,
  start: -1,
  tooSlow: (index) => frames.resync(index, "too-slow"),
};

/**
 * One subscriber's ordered queue. Positions only go up: an item at or below what was already handed on
 * is dropped, so overlapping catch-up and live delivery never repeat an event.
 */
export class Subscription<Item extends { type: string; frame: string } = HubItem, Position = number> {
  private queue: Item[] = [];
  /** Frame text in `queue` and `held`. */
  private queuedSize = 0;
  private waiter: (() => void) | null = null;
  private closed = false;
  /** Run once when the subscription closes (e.g. to give back its place in a per-session quota). */
  private closeListeners: (() => void)[] = [];
  /** Highest position handed to the queue; the first item is always `ready`, which sets it. */
  private position: Position;
  /** While catching up, live items wait here (their order is already right). */
  private held: Item[] | null = null;

  constructor(
    private readonly limits: { items: number; size: number },
    private readonly onClose: (subscription: Subscription<Item, Position>) => void,
    // The defaults of Item and Position are v2's HubItem and number, which indexOrder orders.
    private readonly order: ItemOrder<Item, Position> = indexOrder as unknown as ItemOrder<Item, Position>,
  ) {
    this.position = order.start;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Adds an item, unless it repeats an index already handed on. */
  push(item: Item): void {
    if (this.closed) return;
    if (this.held) {
      this.held.push(item);
      this.queuedSize += item.frame.length;
      if (this.held.length > this.limits.items || this.queuedSize > this.limits.size) this.overflow(this.furthest(this.held));
      return;
    }
    this.enqueue(item);
  }

  /** The position of the last positioned item in `items` (they are in order), or the reader's if further. */
  private furthest(items: Item[]): Position {
    for (let i = items.length - 1; i >= 0; i--) {
      const position = this.order.positionOf(items[i]!);
      if (position !== undefined) return this.order.compare(position, this.position) > 0 ? position : this.position;
    }
    return this.position;
  }

  private enqueue(item: Item): void {
    const position = this.order.positionOf(item);
    if (position !== undefined) {
      // Events and progress must move forward; ready and resync may restate the position.
      const restates = item.type === "ready" || item.type === "resync";
      const step = this.order.compare(position, this.position);
      if (restates ? step < 0 : step <= 0) return;
      this.position = position;
    }
    this.queue.push(item);
    this.queuedSize += item.frame.length;
    if (this.queue.length > this.limits.items || this.queuedSize > this.limits.size) this.overflow(this.position);
    this.wake();
  }

  /** The reader can't keep up: drop its backlog for one resync at the newest index it would have reached. */
  private overflow(position: Position): void {
    this.held = this.held ? [] : null;
    const resync = this.order.tooSlow(position);
    this.queue = [resync];
    this.queuedSize = resync.frame.length;
    this.position = this.order.positionOf(resync) ?? position;
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
  pushCatchUp(item: Item): void {
    if (!this.closed) this.enqueue(item);
  }

  /**
   * Everything queued, or, when the queue is empty, waits for the next item up to `timeoutMs`.
   * An empty array: the wait timed out (time for a keep-alive). null: the subscription is closed.
   */
  async take(timeoutMs: number): Promise<Item[] | null> {
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
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  /** Runs `listener` once when the subscription closes, or now if it already has. */
  whenClosed(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
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
