// The last events applied, kept so that a read answered late (it started before them) can be brought up
// to date by replaying those it does not hold. Bounded: a read older than the whole window gets what the
// window has, and the next change or Refresh corrects it.

const RECENT_EVENTS = 5000;

export class RecentEvents<T extends { index: number } = { index: number }> {
  private events: T[] = [];

  constructor(private readonly limit = RECENT_EVENTS) {}

  /** Appends events in index order (as the stream delivers them). */
  add(events: readonly T[]) {
    for (const event of events) this.events.push(event); // not push(...events): a huge batch would overflow the call stack
    if (this.events.length > this.limit * 2) this.events = this.events.slice(-this.limit); // amortized trim
  }

  /** The kept events with an index above `index`, in order. */
  after(index: number): T[] {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.events[mid]!.index <= index) low = mid + 1;
      else high = mid;
    }
    return this.events.slice(Math.max(low, this.events.length - this.limit));
  }

  clear() {
    this.events = [];
  }
}
