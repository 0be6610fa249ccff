// Learns the cluster's client URLs from its member list, so that failover also reaches members that were
// not configured: in the background at most every 30 s after a request succeeds, or now on demand.
// Only where the cluster's config allows it (`discoverMembers`): a learned URL gets the credentials and
// the writes, and a member advertises whatever client URL it was started with. Best effort: the
// configured endpoints work without it.
import "server-only";
import type { EndpointPool } from "./endpoint-pool";

const REDISCOVER_AFTER_MS = 30_000;

export class MemberDiscovery {
  private lastDiscovery = 0;
  private discovering: Promise<void> | null = null;

  constructor(
    private readonly pool: EndpointPool,
    /** The client URLs of every member, as the cluster lists them. */
    private readonly listClientUrls: () => Promise<string[]>,
    private readonly enabled: boolean,
  ) {}

  /** Learns the members' URLs now; concurrent calls share one request. */
  discover(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    if (this.discovering) return this.discovering;
    this.lastDiscovery = Date.now();
    this.discovering = (async () => {
      try {
        this.pool.learn(await this.listClientUrls());
      } catch {
        // Best effort: the configured endpoints still work.
      } finally {
        this.discovering = null;
      }
    })();
    return this.discovering;
  }

  /** After a request succeeded: learn again when the last discovery is old. */
  maybeDiscover(): void {
    if (!this.enabled || Date.now() - this.lastDiscovery < REDISCOVER_AFTER_MS) return;
    void this.discover();
  }
}
