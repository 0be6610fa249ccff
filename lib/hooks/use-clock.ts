"use client";
// One clock for every live countdown on the page: a single 1-second interval, started by the first
// countdown that mounts and stopped when the last one goes, however many tree rows show a TTL.
import { useSyncExternalStore } from "react";

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Listens to the shared clock's tick; returns the unsubscribe. The interval runs while anyone listens. */
export function subscribeToClock(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** How many intervals the shared clock runs now (0 or 1): for tests. */
export function clockIntervals(): number {
  return timer === undefined ? 0 : 1;
}

/**
 * Whole seconds left until `expiration` (RFC 3339), re-read on the shared clock's tick; null without one.
 * The snapshot is a number, so a component re-renders only when the second it shows changes.
 */
export function useSecondsLeft(expiration: string | undefined): number | null {
  return useSyncExternalStore(
    subscribeToClock,
    () => (expiration ? Math.ceil((Date.parse(expiration) - Date.now()) / 1000) : null),
    () => null,
  );
}
