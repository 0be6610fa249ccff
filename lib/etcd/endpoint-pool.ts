// The endpoints of one cluster: the configured ones plus, where the cluster's config allows discovery,
// those learned from /v2/members. A failed endpoint is set aside for a while, then tried again; the last
// one that answered is tried first. Only the endpoints in the pool get the cluster's credentials.
import "server-only";

export interface EndpointState {
  url: string;
  learned: boolean;
  /** Epoch ms until which this endpoint is avoided after a failure (0 = healthy). */
  failedUntil: number;
  lastError?: string;
}

export class EndpointPool {
  private readonly states: EndpointState[];
  private preferred = 0;

  constructor(
    configured: readonly string[],
    private readonly retryAfterMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    if (configured.length === 0) throw new Error("EndpointPool needs at least one endpoint");
    this.states = [...new Set(configured.map(normalizeEndpoint))].map((url) => ({ url, learned: false, failedUntil: 0 }));
  }

  /** Every endpoint in the order to try: preferred, then healthy ones, then those set aside (last resort). */
  order(): string[] {
    const t = this.now();
    const indexed = this.states.map((state, i) => ({ state, i }));
    const rank = ({ state, i }: { state: EndpointState; i: number }) =>
      (state.failedUntil > t ? 2 : i === this.preferred ? 0 : 1) * 10_000 + i;
    return indexed.sort((a, b) => rank(a) - rank(b)).map(({ state }) => state.url);
  }

  markSuccess(url: string): void {
    const i = this.states.findIndex((s) => s.url === url);
    if (i < 0) return;
    this.states[i]!.failedUntil = 0;
    this.states[i]!.lastError = undefined;
    this.preferred = i;
  }

  markFailure(url: string, reason: string): void {
    const state = this.states.find((s) => s.url === url);
    if (!state) return;
    state.failedUntil = this.now() + this.retryAfterMs;
    state.lastError = reason;
  }

  /**
   * Adds client URLs learned from the cluster; configured endpoints are never removed. Never plain http
   * when an endpoint was configured with https: the credentials would then cross the network in clear.
   */
  learn(urls: readonly string[]): void {
    const scheme = this.states.some((s) => !s.learned && s.url.startsWith("https://")) ? /^https:\/\// : /^https?:\/\//;
    for (const raw of urls) {
      const url = normalizeEndpoint(raw);
      if (!scheme.test(url)) continue;
      if (!this.states.some((s) => s.url === url)) this.states.push({ url, learned: true, failedUntil: 0 });
    }
  }

  /** Whether `url` is one of the pool's endpoints (configured, or learned where discovery is allowed). */
  has(url: string): boolean {
    const normalized = normalizeEndpoint(url);
    return this.states.some((s) => s.url === normalized);
  }

  /** Each endpoint's state; `inUse` marks the one tried first (the last that answered). */
  snapshot(): (EndpointState & { inUse: boolean })[] {
    return this.states.map((s, i) => ({ ...s, inUse: i === this.preferred }));
  }
}

function normalizeEndpoint(url: string): string {
  return url.trim().replace(/\/+$/, "");
}
