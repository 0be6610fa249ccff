// The one gRPC Watch stream of a cluster, carrying every v3 watch of the process on that cluster (issue
// [12], "Live on v3"). It owns the I/O that watch-stream-state.ts leaves out: it opens the stream
// (Etcd3Client.watchStream: `hasleader`, token, keepalive), writes the requests the state returns, feeds
// it every message, and when the stream ends (member killed, frozen member cut by keepalive, `no leader`:
// §1.3, §1.4, §6.6) opens a new one, on which the state re-creates every watch from its own resume point
// (§6.3: the last event's mod_revision + 1), so nothing is lost or repeated across a failover.
//
// Each watch is a `Watcher3`: it gets its deliveries in order, and `retrying` while the stream is down.
// The stream is open only while it carries a watch.
import "server-only";
import type { Etcd3Client, OpenStream, WatchRequestWire, WatchResponseWire } from "@/lib/etcd3";
import { isInvalidToken } from "@/lib/etcd3";
import { WatchStreamState, type Delivery3, type Step3, type WatchSpec3 } from "./watch-stream-state";
import type { RawWatchResponse } from "./wire";

export interface Watcher3 {
  /** What etcd said about this watch (watch-stream-state.ts `Delivery3`), in order. */
  deliver(delivery: Delivery3<Watcher3>): void;
  /** The stream is down and being reopened: `message` says why. The next delivery means it is back. */
  retrying(message: string): void;
}

export interface ClusterStreamOptions {
  /** The longest wait between two attempts to reopen the stream. */
  maxBackoffMs?: number;
}

type Call = OpenStream<WatchRequestWire, WatchResponseWire>["call"];

/** How one stream ended. */
interface Ending {
  reason: string;
  /** etcd refused the stream's token: renew it and reopen (§9). */
  reauthenticate: boolean;
  /** The stream got at least one answer: the member worked, so the next attempt needs no backoff. */
  answered: boolean;
  /** Ended by etcd or the connection, not by us (closing it with its last watch). */
  failed: boolean;
  /** The token the stream was opened with (the one to renew). */
  token?: string;
}

export class ClusterWatchStream {
  private readonly state = new WatchStreamState<Watcher3>();
  private readonly watchers = new Set<Watcher3>();
  private readonly abort = new AbortController();
  private call: Call | undefined;
  private callEndpoint: string | undefined;
  private running = false;
  private readonly maxBackoffMs: number;

  constructor(
    readonly client: Etcd3Client,
    options: ClusterStreamOptions = {},
  ) {
    this.maxBackoffMs = options.maxBackoffMs ?? 3_000;
  }

  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  /** The member the open stream uses (undefined while none is open): for diagnostics and tests. */
  get endpoint(): string | undefined {
    return this.call ? this.callEndpoint : undefined;
  }

  /** The watches the stream carries (created or waiting for a stream). */
  get size(): number {
    return this.state.size;
  }

  /** The first revision `watcher` has not been given (undefined: not created yet). */
  resumeRevision(watcher: Watcher3): number | undefined {
    return this.state.resumeRevision(watcher);
  }

  /** Adds a watch: created now when the stream is open, else when it opens. */
  add(watcher: Watcher3, spec: WatchSpec3): void {
    if (this.closed) throw new Error("This watch stream is closed.");
    this.watchers.add(watcher);
    this.apply(this.state.add(watcher, spec));
    if (!this.running) void this.run();
  }

  /** Removes a watch (canceled on etcd); the stream closes with its last watch. */
  remove(watcher: Watcher3): void {
    this.watchers.delete(watcher);
    this.apply(this.state.remove(watcher));
    if (this.state.size === 0) this.call?.cancel();
  }

  /** Ends the stream and every watch on it, for good. */
  close(): void {
    this.abort.abort();
    this.watchers.clear();
    this.call?.cancel();
  }

  private async run(): Promise<void> {
    this.running = true;
    let failures = 0;
    while (!this.closed && this.state.size > 0) {
      let ending: Ending;
      try {
        ending = await this.serve(await this.client.watchStream(this.abort.signal));
      } catch (error) {
        if (this.closed) break;
        ending = { reason: error instanceof Error ? error.message : String(error), reauthenticate: false, answered: false, failed: true };
      }
      if (this.closed || this.state.size === 0) break;
      // A stream refused for its token counts as a failure too: a renewal that does not cure it must not spin.
      failures = ending.answered && !ending.reauthenticate ? 0 : failures + 1;
      // A token renewal is routine (the watches resume at once); a failed stream is news for the subscribers.
      if (ending.failed && !ending.reauthenticate) {
        for (const watcher of this.watchers) watcher.retrying(`etcd's watch stream ended (${ending.reason}); reopening it.`);
      }
      if (ending.reauthenticate) {
        try {
          await this.client.transport.renewToken(ending.token);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          for (const watcher of this.watchers) watcher.retrying(`etcd refused the dashboard's credentials (${message}); retrying.`);
          failures += 1;
        }
      }
      // Capped exponential backoff, from nothing after a stream that worked (a failover is immediate).
      if (failures > 0) await this.sleep(Math.min(this.maxBackoffMs, 100 * 2 ** (failures - 1)));
    }
    this.running = false;
    // A watch added while the loop was leaving (after its last check) still needs a stream.
    if (!this.closed && this.state.size > 0) void this.run();
  }

  /** Serves one open stream until it ends. */
  private serve(opened: OpenStream<WatchRequestWire, WatchResponseWire>): Promise<Ending> {
    const { call, endpoint, token } = opened;
    return new Promise((resolve) => {
      let answered = false;
      let reauthenticate = false;
      let done = false;
      const finish = (reason: string, failed: boolean) => {
        if (done) return;
        done = true;
        if (this.call === call) this.call = undefined;
        this.state.streamEnded();
        call.removeAllListeners();
        // Cancelling emits an error (CANCELLED) that nobody needs (§6.1): swallow it.
        call.on("error", () => undefined);
        call.cancel();
        // The member failed: the next stream goes to another one first (§6.3: any member can resume it).
        if (failed && !reauthenticate) this.client.transport.pool.markFailure(endpoint, `${endpoint}: ${reason}`);
        resolve({ reason, reauthenticate, answered, failed, token });
      };
      call.on("data", (message: WatchResponseWire) => {
        if (done) return;
        answered = true;
        const step = this.state.receive(message as unknown as RawWatchResponse);
        for (const delivery of step.deliver) {
          // §9: a create refused for a stale token; running watches go on, but every create would fail.
          if (delivery.type === "reauthenticate") reauthenticate = true;
        }
        this.apply(step);
        if (reauthenticate) finish("the auth token expired", false);
      });
      call.on("error", (error: { code?: number; details?: string; message?: string }) => {
        const details = error.details ?? error.message ?? String(error);
        if (error.code !== undefined && isInvalidToken({ code: error.code, details })) reauthenticate = true;
        finish(details, !this.closed && this.state.size > 0);
      });
      call.on("end", () => finish("etcd closed the stream", !this.closed && this.state.size > 0));
      if (this.closed || this.state.size === 0) return finish("no watch left", false);
      this.call = call;
      this.callEndpoint = endpoint;
      this.apply(this.state.streamOpened());
    });
  }

  /** Writes a step's requests on the open stream and hands its deliveries to their watchers. */
  private apply(step: Step3<Watcher3>): void {
    if (this.call) for (const request of step.send) this.call.write(request as WatchRequestWire);
    for (const delivery of step.deliver) {
      if (delivery.type === "reauthenticate") continue; // handled by the stream (serve)
      if (delivery.type === "compacted" || delivery.type === "refused" || delivery.type === "canceled") this.watchers.delete(delivery.watch);
      delivery.watch.deliver(delivery);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.abort.signal;
      signal.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
    });
  }
}
