// Slows down password guessing: after a few failed logins, each further attempt must wait twice as long as
// the one before (1 s, 2 s, 4 s ... up to 5 minutes). Failures are counted twice, per client address (which
// scripts/server.mjs sets from the socket: a browser can't forge it) and per user name, and an attempt must be
// clear on both. Each attempt is reserved (counted as a failure) before its password is checked, so parallel
// attempts can't all slip in while the first ones are still being checked. A success takes back that user
// name's failures, from its own count and from the address's, never another name's: logging in as yourself
// between guesses at someone else's password resets nothing. A count is forgotten 30 minutes after its last failure.

export const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;
export const FORGET_AFTER_MS = 30 * 60_000;
/** Records kept at most per map, so that a flood of addresses or names can't grow them without bound. */
const MAX_RECORDS = 10_000;

interface Failures {
  count: number;
  last: number;
}

interface AddressFailures extends Failures {
  /** The address's failures by user name, so that a success takes back only its own name's. */
  byUser: Map<string, number>;
}

/** A login attempt allowed to go ahead: report a right password with `succeeded` (a failure needs nothing more). */
export interface LoginAttempt {
  readonly address: string;
  readonly user: string;
}

export type Admission = { ok: true; attempt: LoginAttempt } | { ok: false; waitMs: number };

export class LoginThrottle {
  private readonly addresses = new Map<string, AddressFailures>();
  private readonly users = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Reserves an attempt for this user name from this address, or says how long to wait first. The attempt
   * counts as failed until `succeeded` says otherwise.
   */
  begin(address: string, user: string): Admission {
    const now = this.now();
    const byAddress = live(this.addresses.get(address), now);
    const byName = live(this.users.get(user), now);
    const waitMs = Math.max(waitAfter(byAddress, now), waitAfter(byName, now));
    if (waitMs > 0) return { ok: false, waitMs };
    const addressRecord = byAddress ?? { count: 0, last: now, byUser: new Map<string, number>() };
    addressRecord.count += 1;
    addressRecord.last = now;
    addressRecord.byUser.set(user, (addressRecord.byUser.get(user) ?? 0) + 1);
    remember(this.addresses, address, addressRecord, now);
    remember(this.users, user, { count: (byName?.count ?? 0) + 1, last: now }, now);
    return { ok: true, attempt: { address, user } };
  }

  /** The attempt's password was right: the user name's failures are cleared, here and in the address's count. */
  succeeded({ address, user }: LoginAttempt): void {
    this.users.delete(user);
    const record = this.addresses.get(address);
    if (!record) return;
    record.count -= record.byUser.get(user) ?? 0;
    record.byUser.delete(user);
    if (record.count <= 0) this.addresses.delete(address);
  }
}

/** The record, unless its last failure is old enough to forget. */
function live<R extends Failures>(record: R | undefined, now: number): R | undefined {
  return record && now - record.last <= FORGET_AFTER_MS ? record : undefined;
}

function waitAfter(record: Failures | undefined, now: number): number {
  return record ? Math.max(0, record.last + delayAfter(record.count) - now) : 0;
}

function remember<R extends Failures>(records: Map<string, R>, key: string, record: R, now: number): void {
  if (!records.has(key) && records.size >= MAX_RECORDS) {
    for (const [k, r] of records) if (now - r.last > FORGET_AFTER_MS) records.delete(k);
    // Under a flood of distinct addresses or names, forget the oldest rather than grow.
    while (records.size >= MAX_RECORDS) {
      const oldest = records.keys().next().value;
      if (oldest === undefined) break;
      records.delete(oldest);
    }
  }
  records.set(key, record);
}

/** The wait imposed after `count` consecutive failures. */
export function delayAfter(count: number): number {
  if (count < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (count - FREE_FAILURES));
}
