// Watch events can arrive by the thousand (a bulk write, a replay after a reconnect). Each one copying a
// listing of 100,000 children, or re-rendering the tree, would freeze the page: they are collected and
// handed over together, once per animation frame.

export interface EventBatcher<T> {
  push(item: T): void;
  /** Hands over what is pending now (before a resync, whose reload must come after these). */
  flushNow(): void;
  /** Drops what is pending; later pushes are batched as before (a cleared log). */
  discard(): void;
  /** Drops what is pending; nothing is handed over any more. */
  cancel(): void;
}

/** Runs `run` once, soon; returns a cancel function. */
export type Scheduler = (run: () => void) => () => void;

/**
 * Next animation frame, or after 32 ms when no frame comes first: a hidden tab paints nothing, and a busy
 * (or headless) page can hold frames back for hundreds of ms, which would make a live change late.
 */
export const nextFrame: Scheduler = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 32);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/** Once, after `ms`: a scheduler for batches that need no frame (a log gathering events). */
export function afterMs(ms: number): Scheduler {
  return (run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  };
}

export function createEventBatcher<T>(flush: (items: T[]) => void, schedule: Scheduler = nextFrame): EventBatcher<T> {
  let pending: T[] = [];
  let cancelScheduled: (() => void) | null = null;
  let stopped = false;
  const flushNow = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    flush(items);
  };
  return {
    push(item) {
      if (stopped) return;
      pending.push(item);
      cancelScheduled ??= schedule(flushNow);
    },
    flushNow,
    discard() {
      cancelScheduled?.();
      cancelScheduled = null;
      pending = [];
    },
    cancel() {
      stopped = true;
      cancelScheduled?.();
      cancelScheduled = null;
      pending = [];
    },
  };
}
