// Slows down password guessing: after a few failed logins from one client, each further attempt must
// wait twice as long as the one before (1 s, 2 s, 4 s ... up to 5 minutes). A success clears the record.
// Keyed by the client's address, which scripts/server.mjs sets from the socket (a browser can't forge it).

export const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;
/** Records older than this are forgotten, so that the map can't grow without bound. */
const FORGET_AFTER_MS = 30 * 60_000;
const MAX_CLIENTS = 10_000;

interface Failures {
  count: number;
  last: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** How long the client must still wait before its next attempt, in ms (0: it may try now). */
  waitMs(client: string): number {
    const record = this.failures.get(client);
    if (!record) return 0;
    const delay = delayAfter(record.count);
    return Math.max(0, record.last + delay - this.now());
  }

  failed(client: string): void {
    const now = this.now();
    if (this.failures.size >= MAX_CLIENTS) this.sweep(now);
    const record = this.failures.get(client);
    this.failures.set(client, { count: (record?.count ?? 0) + 1, last: now });
  }

  succeeded(client: string): void {
    this.failures.delete(client);
  }

  private sweep(now: number): void {
    for (const [client, record] of this.failures) if (now - record.last > FORGET_AFTER_MS) this.failures.delete(client);
    // Under a flood of distinct addresses, forget the oldest rather than grow.
    while (this.failures.size >= MAX_CLIENTS) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }
}

/** The wait imposed after `count` consecutive failures. */
export function delayAfter(count: number): number {
  if (count < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (count - FREE_FAILURES));
}
