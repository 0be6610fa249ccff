"use client";
import { useEffect, useRef, useState } from "react";
import { clusterPath } from "@/lib/api/fetcher";
import { encodeKeySegments, splitKey } from "@/lib/key-path";
import { WATCH_ACTIONS, type ReadyData, type ResyncData, type ResyncReason, type WatchEvent } from "@/lib/watch/protocol";
import { WatchStreamLifecycle } from "./watch-stream-lifecycle";

/**
 * connecting: opening the stream; live: events arrive; reconnecting: the browser lost the dashboard or the
 * dashboard lost etcd, retrying on its own; resyncing: events were missed and the consumer is reloading;
 * failed: the watch cannot go on (the reason is in `error`), retried after a longer pause.
 */
export type WatchStreamState = "connecting" | "live" | "reconnecting" | "resyncing" | "failed";

export interface WatchStreamOptions {
  cluster: string;
  key: string;
  recursive: boolean;
  /** Replay from this index (etcd's waitIndex); absent: from now on. */
  fromIndex?: number;
  /** false: no stream (a paused or hidden consumer). */
  enabled?: boolean;
  /** Each change once, in index order. */
  onEvent: (event: WatchEvent) => void;
  /** Changes were missed: reload what you show as of `etcdIndex`; later events follow. */
  onResync?: (etcdIndex: number, reason: ResyncReason) => void | Promise<unknown>;
}

export interface WatchStream {
  state: WatchStreamState;
  /** Plain words for `reconnecting` (etcd unreachable) and `failed`. */
  message?: string;
  /** Index of the last event, ready or resync received: where a reconnect resumes. */
  lastIndex?: number;
}

function watchStreamUrl(cluster: string, key: string, recursive: boolean, waitIndex?: number): string {
  const path = clusterPath(cluster, "watch") + (key === "/" ? "" : encodeKeySegments(splitKey(key)));
  const query = new URLSearchParams();
  if (recursive) query.set("recursive", "true");
  if (waitIndex !== undefined) query.set("waitIndex", String(waitIndex));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * One live stream of a key's changes through the dashboard's watch hub. The browser's EventSource
 * resumes with Last-Event-ID after a dropped connection; when the dashboard refuses the stream (or it
 * failed) this hook opens a new one from the last index it saw, so no event is lost or repeated.
 */
export function useWatchStream(options: WatchStreamOptions): WatchStream {
  const { cluster, key, recursive, fromIndex, enabled = true } = options;
  const handlers = useRef(options);
  handlers.current = options;
  const [stream, setStream] = useState<WatchStream>({ state: "connecting" });

  useEffect(() => {
    if (!enabled) return;
    let lastIndex: number | undefined = fromIndex === undefined ? undefined : fromIndex - 1;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const update = (next: Partial<WatchStream>) => {
      if (!stopped) setStream((current) => ({ ...current, lastIndex, ...next }));
    };
    const lifecycle = new WatchStreamLifecycle({
      update,
      reopenAfter: (ms) => (retryTimer = setTimeout(open, ms)),
      isStale: (es) => stopped || source !== es,
    });

    const open = () => {
      const url = watchStreamUrl(cluster, key, recursive, lastIndex === undefined ? undefined : lastIndex + 1);
      const es = new EventSource(url);
      source = es;
      es.addEventListener("ready", (e) => {
        const data = JSON.parse(e.data) as ReadyData;
        if (lastIndex === undefined || data.etcdIndex > lastIndex) lastIndex = data.etcdIndex;
        lifecycle.ready();
      });
      for (const action of WATCH_ACTIONS) {
        es.addEventListener(action, (e) => {
          const index = Number(e.lastEventId);
          if (lastIndex !== undefined && index <= lastIndex) return; // already delivered before a reconnect
          lastIndex = index;
          const data = JSON.parse(e.data) as Omit<WatchEvent, "index">;
          handlers.current.onEvent({ index, action, node: data.node, prevNode: data.prevNode });
          update({});
        });
      }
      lifecycle.attach(es, (raw) => {
        const data = JSON.parse(raw) as ResyncData;
        lastIndex = data.etcdIndex;
        return () => handlers.current.onResync?.(data.etcdIndex, data.reason);
      });
    };

    update({ state: "connecting", message: undefined });
    open();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [cluster, key, recursive, fromIndex, enabled]);

  return stream;
}
