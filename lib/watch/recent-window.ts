// The latest events of an upstream, framed once, kept for subscribers that resume from a recent position
// (v2 and v3 upstreams alike). Capped by count, then by frame text, the newest always kept.
import "server-only";

export class RecentWindow<Item extends { frame: string }> {
  private kept: Item[] = [];
  private size = 0;

  constructor(private readonly caps: { recentEvents: number; recentBytes: number }) {}

  get items(): readonly Item[] {
    return this.kept;
  }

  /** Keeps `item`; returns the newest item dropped to make room (undefined: none). */
  keep(item: Item): Item | undefined {
    this.kept.push(item);
    this.size += item.frame.length;
    // Drop the oldest beyond the count, then beyond the size (the newest one always stays).
    let drop = Math.max(0, this.kept.length - this.caps.recentEvents);
    let kept = this.size;
    for (let i = 0; i < drop; i++) kept -= this.kept[i]!.frame.length;
    while (kept > this.caps.recentBytes && drop < this.kept.length - 1) kept -= this.kept[drop++]!.frame.length;
    if (drop === 0) return undefined;
    const dropped = this.kept.splice(0, drop);
    for (const old of dropped) this.size -= old.frame.length;
    return dropped[dropped.length - 1];
  }

  clear(): void {
    this.kept = [];
    this.size = 0;
  }
}
