"use client";
import { useEffect, useMemo, useRef } from "react";
import { createEventBatcher, nextFrame, type EventBatcher, type Scheduler } from "@/lib/watch/event-batcher";

/**
 * A batcher owned by a component: created when the component mounts and cancelled when it unmounts
 * (a batcher made during render and cancelled in a cleanup would stay cancelled after React's
 * development double mount). `flush` may change between renders; the latest one is called.
 * `schedule` must be stable (a module-level scheduler).
 */
export function useEventBatcher<T>(flush: (items: T[]) => void, schedule: Scheduler = nextFrame): Omit<EventBatcher<T>, "cancel"> {
  const latestFlush = useRef(flush);
  useEffect(() => {
    latestFlush.current = flush;
  });
  const batcher = useRef<EventBatcher<T> | null>(null);
  useEffect(() => {
    const created = createEventBatcher<T>((items) => latestFlush.current(items), schedule);
    batcher.current = created;
    return () => {
      created.cancel();
      if (batcher.current === created) batcher.current = null;
    };
  }, [schedule]);
  return useMemo(
    () => ({
      push: (item: T) => batcher.current?.push(item),
      flushNow: () => batcher.current?.flushNow(),
      discard: () => batcher.current?.discard(),
    }),
    [],
  );
}
