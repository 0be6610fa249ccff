// Several requests in flight at once, their results yielded as they settle: deleting 100,000 keys one
// round trip after another takes minutes; etcd commits concurrent proposals together. Pure (no I/O itself).

/** Results that may wait for the reader. */
const WAITING = 4096;

export type Settled<T, R> = { item: T; result: R } | { item: T; skipped: true };

/**
 * Runs `task` on `items`, at most `limit` at once, and yields each result as it settles. Once `stop()` is
 * true no task starts any more; the tasks in flight finish and are yielded, then every item never started
 * is yielded as skipped. A consumer that stops reading (return()) stops new starts too; at most `WAITING`
 * results wait for it, so a reader that stalls stalls the run, but one that reads a line at a time (the
 * JSON-lines streams are pulled: a line per 250 deletes) does not: with `limit * 4` waiting, deleting
 * 100,000 keys through the route took twice as long as in-process. `task` should not reject; if it does, the error is
 * thrown here once the tasks in flight have settled.
 */
export async function* settleBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>, stop: () => boolean): AsyncGenerator<Settled<T, R>> {
  const ready: Settled<T, R>[] = [];
  let next = 0;
  let active = 0;
  let closed = false;
  // An array, not a variable: the tasks set it from closures TypeScript's narrowing does not see.
  const failures: unknown[] = [];
  let wake: (() => void) | null = null;
  const settle = () => {
    active--;
    launch();
    wake?.();
  };
  const launch = () => {
    while (!closed && failures.length === 0 && active < limit && next < items.length && ready.length < WAITING && !stop()) {
      const item = items[next++]!;
      active++;
      Promise.resolve()
        .then(() => task(item))
        .then(
          (result) => ready.push({ item, result }),
          (error: unknown) => failures.push(error),
        )
        .finally(settle);
    }
  };
  try {
    launch();
    for (;;) {
      if (ready.length > 0) {
        yield ready.shift()!;
        launch();
        continue;
      }
      if (active === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (failures.length > 0) throw failures[0];
    for (; next < items.length; next++) yield { item: items[next]!, skipped: true };
  } finally {
    closed = true;
  }
}
