"use client";
import { createContext, useCallback, useContext, useMemo, useRef } from "react";
import type { ResyncReason3, WatchEventData3 } from "@/lib/watch3/protocol";
import { useEventBatcher } from "./use-event-batcher";
import type { WatchStreamState } from "./use-watch-stream";
import { useWatchStream3 } from "./use-watch-stream3";

/**
 * What the v3 Keys page hears from its one live stream (a watch of every key), in order: a batch of changes (each
 * once, in revision order, per animation frame), or a resync: changes were missed, so whatever a listener shows
 * must be read again as of `revision` (later batches follow).
 */
export type LiveBatch3 = { kind: "events"; events: readonly WatchEventData3[] } | { kind: "resync"; revision: number; reason: ResyncReason3 };
export type LiveListener3 = (batch: LiveBatch3) => void;

export interface LiveKeys3 {
  state: WatchStreamState;
  /** Plain words while reconnecting or failed. */
  message?: string;
  /** Hears every batch from now on; returns the unsubscribe function. */
  subscribe: (listener: LiveListener3) => () => void;
}

const NOT_LIVE: LiveKeys3 = { state: "connecting", subscribe: () => () => undefined };

export const LiveKeys3Context = createContext<LiveKeys3>(NOT_LIVE);

/** The v3 page's live stream (off outside a LiveKeys3Context: nothing is heard). */
export function useLiveKeys3Context(): LiveKeys3 {
  return useContext(LiveKeys3Context);
}

const WHOLE_KEYSPACE = new Uint8Array(0);

/**
 * One watch of the whole v3 keyspace for the Keys page of one cluster (the empty prefix: keys with and without a
 * leading "/" alike), shared by the tree and the key panel through LiveKeys3Context, so the page holds one stream
 * however many rows and panels listen.
 */
export function useLiveKeys3(cluster: string): LiveKeys3 {
  const listeners = useRef(new Set<LiveListener3>());
  const tell = useCallback((batch: LiveBatch3) => {
    for (const listener of listeners.current) listener(batch);
  }, []);
  const batcher = useEventBatcher<WatchEventData3>((events) => tell({ kind: "events", events }));
  const stream = useWatchStream3({
    cluster,
    key: WHOLE_KEYSPACE,
    prefix: true,
    onEvent: batcher.push,
    onResync: (revision, reason) => {
      batcher.flushNow(); // the events before the resync were real; the re-read comes after them
      tell({ kind: "resync", revision, reason });
    },
  });
  const subscribe = useCallback((listener: LiveListener3) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  return useMemo(() => ({ state: stream.state, message: stream.message, subscribe }), [stream.state, stream.message, subscribe]);
}
