// A per-user bound on expensive work running at once (searches, imports, exports): each holds a slot
// from before it reads anything big until its answer has been sent, or the client went away. Past the
// bound, 429 too_many_requests with Retry-After, so one user cannot take the server's CPU or memory.
import "server-only";
import { ApiError } from "../errors";

export interface Slot {
  /** Gives the slot back; only the first call counts. */
  release(): void;
}

export class UserSlots {
  private readonly held = new Map<string, number>();

  constructor(
    /** What the slots are for, in the 429's message ("searches"). */
    private readonly what: string,
    readonly perUser: number,
    private readonly retryAfterSeconds = 2,
  ) {}

  /** Slots `user` holds now. */
  inUse(user: string): number {
    return this.held.get(user) ?? 0;
  }

  /** A slot for `user`, given back by release() or when `signal` aborts; throws 429 when all are taken. */
  take(user: string, signal?: AbortSignal): Slot {
    const inUse = this.inUse(user);
    if (inUse >= this.perUser) {
      throw ApiError.of("too_many_requests", `You already have ${inUse} ${this.what} running, the most one user may run at once: wait for one to finish.`, {
        retryAfterSeconds: this.retryAfterSeconds,
      });
    }
    this.held.set(user, inUse + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      signal?.removeEventListener("abort", release);
      const left = this.inUse(user) - 1;
      if (left > 0) this.held.set(user, left);
      else this.held.delete(user);
    };
    signal?.addEventListener("abort", release, { once: true });
    if (signal?.aborted) release();
    return { release };
  }
}

/** One UserSlots per name for the whole process (on globalThis: Next.js may load this module more than once). */
export function userSlots(name: string, what: string, perUser: number): UserSlots {
  const holder = globalThis as typeof globalThis & { __etcdDashboardUserSlots?: Map<string, UserSlots> };
  const all = (holder.__etcdDashboardUserSlots ??= new Map());
  let slots = all.get(name);
  if (!slots) {
    slots = new UserSlots(what, perUser);
    all.set(name, slots);
  }
  return slots;
}

/** `lines`, giving `slot` back when they end, fail or are stopped (take() with the request's signal covers a stream never started). */
export async function* releasingAfter<T>(lines: AsyncIterable<T>, slot: Slot): AsyncGenerator<T> {
  try {
    yield* lines;
  } finally {
    slot.release();
  }
}
