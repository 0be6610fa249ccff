"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef } from "react";
import { useSWRConfig, type Cache, type Middleware } from "swr";
import { ApiError } from "@/lib/api/errors";
import type { KeyResponse } from "@/lib/api/types";
import { keyFromApiPath } from "@/lib/keys-url";
import { applyWatchEvents, type LiveUpdate } from "@/lib/tree/apply-event";
import type { WatchEvent } from "@/lib/watch/protocol";
import { RecentEvents } from "@/lib/watch/recent-events";
import { useEventBatcher } from "./use-event-batcher";
import { keySwrKey, useRevalidateReads } from "./use-key";
import { useWatchStream, type WatchStream } from "./use-watch-stream";

/** What a batch of live changes did: the events (in index order) and how they changed the cache. */
export interface LiveBatch {
  events: readonly WatchEvent[];
  update: LiveUpdate;
}
export type LiveListener = (batch: LiveBatch) => void;

export interface LiveKeys extends Omit<WatchStream, "lastIndex"> {
  /** Called after each batch has been applied to the SWR cache; returns the unsubscribe function. */
  subscribe: (listener: LiveListener) => () => void;
  /**
   * A read of `key` with the live events it does not hold replayed on it (it was in flight while they were
   * applied); throws key_not_found if they removed it. What reads keys outside useSWR (the tree) calls it.
   */
  catchUp: (key: string, data: KeyResponse) => KeyResponse;
}

/** The etcd key of an SWR key of `cluster`'s keys (a key or a directory listing), or null. */
function keyOfSwrKey(cluster: string, swrKey: unknown): string | null {
  return typeof swrKey === "string" ? keyFromApiPath(cluster, swrKey, { sorted: true }) : null;
}

/** The SWR keys of `cluster`'s keys that are cached, with their etcd keys. */
function cachedSwrKeys(cache: Cache, cluster: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const swrKey of cache.keys()) {
    const key = keyOfSwrKey(cluster, swrKey);
    if (key !== null) found.set(swrKey, key);
  }
  return found;
}

/**
 * One recursive watch of "/" for the Keys page of one cluster, applied to the SWR cache: the tree's
 * listings and the open key are the same SWR entries (`keySwrKey`), so they update without fetching.
 * Events are batched per animation frame; after a resync (events were missed) every cached key of the
 * cluster is read again. `middleware` (for an SWRConfig around the page) brings a read that was in
 * flight while events were applied up to date with them.
 */
export function useLiveKeys(cluster: string, enabled = true): { live: LiveKeys; middleware: Middleware } {
  const { cache, mutate } = useSWRConfig();
  const revalidate = useRevalidateReads();
  const listeners = useRef(new Set<LiveListener>());
  // Per cluster: another cluster's indexes mean nothing here.
  const recent = useMemo(() => new RecentEvents<WatchEvent>(), [cluster]);

  const applyBatch = useCallback(
    (events: WatchEvent[]) => {
      const cached = new Map<string, KeyResponse>();
      for (const [swrKey, key] of cachedSwrKeys(cache, cluster)) {
        const data = cache.get(swrKey)?.data as KeyResponse | undefined;
        if (data) cached.set(key, data);
      }
      const update = applyWatchEvents(cached, events);
      recent.add(events);
      for (const [key, response] of update.updated) void mutate(keySwrKey(cluster, key), response, { revalidate: false });
      // Gone: no data, so whoever reads it next fetches (and gets "not found", or its new life).
      for (const key of update.removed) void mutate(keySwrKey(cluster, key), undefined, { revalidate: false });
      for (const listener of listeners.current) listener({ events, update });
    },
    [cache, mutate, cluster, recent],
  );

  const batcher = useEventBatcher(applyBatch);

  /**
   * Reads every cached key of the cluster again (`olderThan`: only those read before that index). What
   * is on screen (a mounted useSWR, a listing the tree holds) is re-fetched in place; an entry nobody shows
   * cannot be re-fetched, so it is dropped, and the next reader fetches it.
   */
  const reread = useCallback(
    async (olderThan?: number) => {
      const entries = [...cachedSwrKeys(cache, cluster).keys()].filter((swrKey) => {
        const data = cache.get(swrKey)?.data as KeyResponse | undefined;
        return olderThan === undefined || (data !== undefined && data.etcdIndex < olderThan);
      });
      const before = new Map(entries.map((swrKey) => [swrKey, cache.get(swrKey)]));
      await Promise.all(entries.map((swrKey) => revalidate([swrKey]).catch(() => undefined)));
      // A revalidation writes the entry's state (isValidating at least): one left as it was was not shown.
      for (const swrKey of entries) if (cache.get(swrKey) === before.get(swrKey)) cache.delete(swrKey);
    },
    [cache, revalidate, cluster],
  );

  const stream = useWatchStream({
    cluster,
    key: "/",
    recursive: true,
    enabled,
    onEvent: batcher.push,
    onResync: () => {
      batcher.flushNow(); // the events before the resync were real; the reload comes after them
      recent.clear(); // and the history has a gap: nothing before the reload may be replayed
      return reread();
    },
  });

  // What was read before the stream went live may have missed the changes in between: read it again.
  const caughtUpFor = useRef<string | null>(null);
  useEffect(() => {
    // Off (a v3 page): the changes meanwhile are not followed, so coming back reads again as the first time.
    if (!enabled) caughtUpFor.current = null;
    if (!enabled || stream.state !== "live" || caughtUpFor.current === cluster || stream.lastIndex === undefined) return;
    caughtUpFor.current = cluster;
    void reread(stream.lastIndex);
  }, [enabled, stream.state, stream.lastIndex, cluster, reread]);

  // A read answered after events it does not hold were applied (it was in flight, or its entry was not
  // cached yet) would put back what they changed: replay those events on it before SWR caches it.
  const catchUp = useCallback(
    (key: string, data: KeyResponse): KeyResponse => {
      const missed = recent.after(data.etcdIndex);
      if (missed.length === 0) return data;
      const { updated, removed } = applyWatchEvents(new Map([[key, data]]), missed);
      if (removed.has(key)) throw ApiError.of("key_not_found", `${key} was removed while it was being read.`);
      return updated.get(key) ?? data;
    },
    [recent],
  );
  const middleware = useCallback<Middleware>(
    (useSWRNext) => (swrKey, fetcher, config) => {
      const key = keyOfSwrKey(cluster, swrKey);
      const caughtUp = fetcher && key !== null ? async (...args: unknown[]) => catchUp(key, (await fetcher(...args)) as KeyResponse) : fetcher;
      return useSWRNext(swrKey, caughtUp as typeof fetcher, config);
    },
    [cluster, catchUp],
  );

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  // Not `lastIndex`: it moves with every event, and every consumer of the context would render again.
  const { state, message } = stream;
  const live = useMemo(() => ({ state, message, subscribe, catchUp }), [state, message, subscribe, catchUp]);
  return { live, middleware };
}

const NOT_LIVE: LiveKeys = { state: "connecting", subscribe: () => () => undefined, catchUp: (_key, data) => data };

/** The Keys page's live stream (components/keys/live-keys-provider.tsx); not live outside it. */
export const LiveKeysContext = createContext<LiveKeys>(NOT_LIVE);

export function useLiveKeysContext(): LiveKeys {
  return useContext(LiveKeysContext);
}

/** Calls `listener` with each live batch while mounted (the latest `listener`, without resubscribing). */
export function useLiveBatches(listener: LiveListener) {
  const { subscribe } = useLiveKeysContext();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((batch) => latest.current(batch)), [subscribe]);
}
