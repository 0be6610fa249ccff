// A watch's long poll waits, by design, for as long as nothing changes; so a member that stops answering
// (frozen, or cut off without a reset) looks exactly like a quiet key, and the poll would sit there until
// its idle timeout while changes made through other members pile up. While long polls are open on an
// endpoint, it is probed (etcd's /version, answered locally) one probe at a time; a probe that fails or
// misses its deadline cuts those polls, and they move to another member at once. Any other request
// failing on the endpoint cuts them too, so with traffic a frozen member costs one deadline.
import "server-only";

export class LongPollLiveness {
  private readonly polls = new Map<string, Set<() => void>>();
  private readonly probing = new Set<string>();

  constructor(
    /** Resolves when the endpoint answered in time, rejects otherwise. */
    private readonly probe: (endpoint: string) => Promise<void>,
    /** Pause between one probe's answer and the next probe. */
    private readonly intervalMs: number,
    /** Told when a probe failed (the endpoint is then set aside like after any failed request). */
    private readonly onProbeFailure: (endpoint: string, error: unknown) => void,
  ) {}

  /** Registers an open long poll; `cut` ends it. Returns the function that unregisters it. */
  add(endpoint: string, cut: () => void): () => void {
    let polls = this.polls.get(endpoint);
    if (!polls) {
      polls = new Set();
      this.polls.set(endpoint, polls);
    }
    polls.add(cut);
    if (!this.probing.has(endpoint)) void this.probeWhileOpen(endpoint);
    return () => {
      const open = this.polls.get(endpoint);
      open?.delete(cut);
      if (open?.size === 0) this.polls.delete(endpoint);
    };
  }

  /** Ends every long poll open on the endpoint (it failed). */
  cut(endpoint: string): void {
    const polls = this.polls.get(endpoint);
    if (!polls) return;
    this.polls.delete(endpoint);
    for (const cut of polls) cut();
  }

  /** Long polls open now, for tests and diagnostics. */
  openPolls(): number {
    let count = 0;
    for (const polls of this.polls.values()) count += polls.size;
    return count;
  }

  private async probeWhileOpen(endpoint: string): Promise<void> {
    this.probing.add(endpoint);
    try {
      while (this.polls.has(endpoint)) {
        await new Promise((resolve) => setTimeout(resolve, this.intervalMs).unref());
        if (!this.polls.has(endpoint)) return;
        try {
          await this.probe(endpoint);
        } catch (error) {
          if (!this.polls.has(endpoint)) return;
          this.onProbeFailure(endpoint, error);
          this.cut(endpoint);
        }
      }
    } finally {
      this.probing.delete(endpoint);
    }
  }
}
