// One subscriber's bounded queue of hub items: a reader that falls behind by more than its frame or byte
// cap is cut back to a single `too-slow` resync instead of holding the server's memory.
import "server-only";
import { frames, indexOfItem, lastIndexIn, type HubItem } from "./hub-frames";

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
  /** Run once when the subscription closes (e.g. to give back its place in a per-session quota). */
  private closeListeners: (() => void)[] = [];
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
    const index = indexOfItem(item);
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
