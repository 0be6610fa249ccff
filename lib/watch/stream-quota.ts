// How many watch streams one session may hold open at once. Each stream costs a socket from the browser,
// a subscriber queue and often an etcd long poll of its own, so one session's streams are capped and the
// next one is refused with a 429 (`too_many_streams`) instead of growing without bound.
import "server-only";
import { ApiError } from "@/lib/api/errors";

/** Far above what the pages open (a browser shares 6 HTTP/1.1 connections per host between its tabs). */
const MAX_STREAMS_PER_SESSION = 32;

export class StreamQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly max = MAX_STREAMS_PER_SESSION) {}

  /** Takes one place for `owner`, or throws a 429 when it has none left; call the returned release once. */
  acquire(owner: string): () => void {
    const count = this.open.get(owner) ?? 0;
    if (count >= this.max) {
      throw ApiError.of("too_many_streams", `This session already has ${this.max} watch streams open; close one before opening another.`);
    }
    this.open.set(owner, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(owner) ?? 1) - 1;
      if (left > 0) this.open.set(owner, left);
      else this.open.delete(owner);
    };
  }

  /** Streams `owner` holds open now. */
  count(owner: string): number {
    return this.open.get(owner) ?? 0;
  }
}

const holder = globalThis as typeof globalThis & { __etcdDashboardStreamQuota?: StreamQuota };

/** The process's one quota (on globalThis: Next.js may load this module more than once). */
export function streamQuota(): StreamQuota {
  holder.__etcdDashboardStreamQuota ??= new StreamQuota();
  return holder.__etcdDashboardStreamQuota;
}
