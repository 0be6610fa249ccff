"use client";
// What the v2 and v3 watch-stream hooks (use-watch-stream.ts, use-watch-stream3.ts) do alike with an
// EventSource, apart from their events and positions: a resync hands over to the consumer's reload (the
// stream is `resyncing` until it settles), `status` frames say whether etcd is reachable, a `failure` ends
// the stream and a new one opens after a longer pause, and a stream the dashboard refused (EventSource
// gives up on an HTTP error) is opened again by the hook.
import type { StatusData } from "@/lib/watch/protocol";
import type { WatchStreamState } from "./use-watch-stream";

const FAILED_RETRY_MS = 10_000;
const CLOSED_RETRY_MS = 2_000;

export interface LifecycleHooks {
  update(next: { state?: WatchStreamState; message?: string }): void;
  /** Open a new stream (from where the hook got to) after `ms`. */
  reopenAfter(ms: number): void;
  /** The hook stopped, or moved on to a newer stream. */
  isStale(es: EventSource): boolean;
}

export class WatchStreamLifecycle {
  private resyncing = 0;

  constructor(private readonly hooks: LifecycleHooks) {}

  /** `ready`: live, unless a reload is still running. */
  ready(): void {
    if (!this.resyncing) this.hooks.update({ state: "live", message: undefined });
  }

  /** Follows `es`; `resync(data)` records the resync's position and returns the consumer's reload, run next. */
  attach(es: EventSource, resync: (data: string) => () => void | Promise<unknown>): void {
    const { update } = this.hooks;
    es.addEventListener("resync", (e) => {
      const reload = resync(e.data);
      this.resyncing += 1;
      update({ state: "resyncing", message: undefined });
      void Promise.resolve(reload())
        .catch(() => undefined)
        .finally(() => {
          this.resyncing -= 1;
          if (!this.resyncing && es.readyState === EventSource.OPEN) update({ state: "live" });
        });
    });
    es.addEventListener("status", (e) => {
      const data = JSON.parse(e.data) as StatusData;
      if (data.state === "retrying") update({ state: "reconnecting", message: data.message ?? "etcd cannot be reached; retrying." });
      else this.ready();
    });
    es.addEventListener("failure", (e) => {
      const data = JSON.parse(e.data) as { error?: { message?: string } };
      es.close();
      update({ state: "failed", message: data.error?.message ?? "The watch stopped." });
      this.hooks.reopenAfter(FAILED_RETRY_MS);
    });
    es.onerror = () => {
      if (es.readyState === EventSource.CONNECTING) {
        update({ state: "reconnecting", message: "Connection to the dashboard lost; reconnecting." });
      } else if (es.readyState === EventSource.CLOSED && !this.hooks.isStale(es)) {
        // Refused (an HTTP error) or cut off for good: EventSource gives up, so start again ourselves.
        update({ state: "reconnecting", message: "The dashboard refused the watch; retrying." });
        this.hooks.reopenAfter(CLOSED_RETRY_MS);
      }
    };
  }
}
