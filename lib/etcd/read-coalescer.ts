// Identical reads in flight at the same time share one etcd request. When many browsers ask for the same
// key or listing at once (every open Keys page re-reads a directory after a live event; a hot key under
// load), etcd answers once and everyone gets that answer.
//
// What a shared answer may miss: a read that joins one already sent gets etcd's state from when that one
// was sent, at most one round trip earlier. For etcd v2's ordinary reads, which a member serves from its
// own store and which may lag the leader anyway, that is within the contract; quorum reads are never
// shared. Read-your-writes through the dashboard holds: every write that completes moves the `epoch`, and
// a read never joins one begun in an earlier epoch.
import "server-only";

interface InFlight<T> {
  epoch: number;
  result: Promise<T>;
}

export class ReadCoalescer<T> {
  private readonly inFlight = new Map<string, InFlight<T>>();

  /** The number of distinct reads in flight (for tests). */
  get size(): number {
    return this.inFlight.size;
  }

  /**
   * `read()`'s answer, or the answer of an identical read (same `key`) begun in the same `epoch` and not
   * finished yet. `signal` only stops this caller's wait: the shared read goes on for the others (and
   * ends at the transport's own deadline).
   */
  run(key: string, epoch: number, read: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let entry = this.inFlight.get(key);
    if (!entry || entry.epoch !== epoch) {
      const created: InFlight<T> = { epoch, result: read() };
      const forget = () => {
        if (this.inFlight.get(key) === created) this.inFlight.delete(key);
      };
      created.result.then(forget, forget);
      this.inFlight.set(key, created);
      entry = created;
    }
    return signal ? untilAborted(entry.result, signal) : entry.result;
  }
}

function untilAborted<T>(result: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    result.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
