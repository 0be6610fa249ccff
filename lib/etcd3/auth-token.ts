// The etcd auth token of one cluster (etcd-v3-api.md §9): Authenticate costs ~83 ms and etcd serializes
// them (13/s), so one token is cached for every call and stream, concurrent callers share one Authenticate
// in flight, and a token etcd called invalid (expired after --auth-token-ttl of idleness, or killed by a
// password change) is replaced once by whoever noticed first.
import "server-only";

export class TokenCache {
  private token: Promise<string> | undefined;

  constructor(private readonly authenticate: () => Promise<string>) {}

  /** The cached token, or a fresh one (one Authenticate for all callers waiting). */
  get(): Promise<string> {
    if (!this.token) {
      const pending = this.authenticate();
      this.token = pending;
      // A failed Authenticate is not cached: the next caller tries again.
      pending.catch(() => {
        if (this.token === pending) this.token = undefined;
      });
    }
    return this.token;
  }

  /** Forgets `stale` (etcd refused it); a newer token someone else already fetched is kept. */
  async invalidate(stale: string): Promise<void> {
    const current = this.token;
    if (!current) return;
    const value = await current.catch(() => undefined);
    if (value === stale && this.token === current) this.token = undefined;
  }
}
