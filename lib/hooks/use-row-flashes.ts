"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveBatches } from "./use-live-keys";

/** How long a changed row stays marked (globals.css's `live-flash` fades over the same time). */
const FLASH_MS = 1500;
/** A burst bigger than this marks nothing: a thousand flashing rows tell nobody anything. */
const MAX_FLASHING = 500;

/** Keys changed by a live update in the last FLASH_MS, with the index of their change (the v2 tree's live stream). */
export function useRowFlashes(): ReadonlyMap<string, number> {
  const { flashes, flash } = useFlashes();
  useLiveBatches(({ update }) => flash(update.changed));
  return flashes;
}

/**
 * Rows marked for FLASH_MS after `flash(changed)` (row id -> the change's index, which restarts the fade when it
 * changes): the marks of any live stream's tree.
 */
export function useFlashes() {
  const [flashes, setFlashes] = useState<ReadonlyMap<string, number>>(() => new Map());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const flash = useCallback((changed: ReadonlyMap<string, number>) => {
    if (changed.size === 0 || changed.size > MAX_FLASHING) return;
    setFlashes((current) => new Map([...current, ...changed]));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFlashes((current) => {
        const next = new Map(current);
        // A later change of the same row keeps it marked for its own full time.
        for (const [key, index] of changed) if (next.get(key) === index) next.delete(key);
        return next;
      });
    }, FLASH_MS);
    timers.current.add(timer);
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  return { flashes, flash };
}
