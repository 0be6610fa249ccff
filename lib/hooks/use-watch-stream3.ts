"use client";
import { useEffect, useRef, useState } from "react";
import { watchEventData3Schema, type ReadyData3, type ResyncData3, type ResyncReason3, type WatchEventData3 } from "@/lib/watch3/protocol";
import { StreamCursor3, watch3StreamUrl } from "@/lib/watch3/stream-cursor";
import type { WatchStreamState } from "./use-watch-stream";
import { WatchStreamLifecycle } from "./watch-stream-lifecycle";

export interface WatchStream3Options {
  cluster: string;
  /** The key's bytes; with `prefix`, every key that starts with them. */
  key: Uint8Array;
  prefix: boolean;
  /** The first revision wanted; absent: from now on. */
  fromRevision?: number;
  /** false: no stream (a paused or hidden consumer). */
  enabled?: boolean;
  /** Each change once, in order; `id` is its SSE id (`R`, or `R.n` inside a transaction). */
  onEvent: (event: WatchEventData3, id: string) => void;
  /** Changes were missed: reload what you show as of `revision`; later events follow. */
  onResync?: (revision: number, reason: ResyncReason3) => void | Promise<unknown>;
}

export interface WatchStream3 {
  state: WatchStreamState;
  /** Plain words for `reconnecting` (etcd unreachable) and `failed`. */
  message?: string;
  /** The revision a reconnect would start from. */
  resumeRevision?: number;
}

/**
 * One live stream of a v3 key's (or prefix's) changes through the dashboard's v3 watch hub, as
 * useWatchStream is for v2. EventSource resumes with Last-Event-ID after a dropped connection; when the
 * dashboard refuses the stream (or it failed) this hook opens a new one from where it got to
 * (stream-cursor.ts), so no event is lost or repeated. Event data is checked before it is trusted.
 */
export function useWatchStream3(options: WatchStream3Options): WatchStream3 {
  const { cluster, key, prefix, fromRevision, enabled = true } = options;
  const handlers = useRef(options);
  handlers.current = options;
  const [stream, setStream] = useState<WatchStream3>({ state: "connecting" });
  // The key's bytes by value: a new array with the same bytes is the same watch.
  const keyParam = watch3StreamUrl(cluster, key, prefix);

  useEffect(() => {
    if (!enabled) return;
    const cursor = new StreamCursor3(fromRevision);
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const update = (next: Partial<WatchStream3>) => {
      if (!stopped) setStream((current) => ({ ...current, resumeRevision: cursor.resumeRevision, ...next }));
    };
    const lifecycle = new WatchStreamLifecycle({
      update,
      reopenAfter: (ms) => (retryTimer = setTimeout(open, ms)),
      isStale: (es) => stopped || source !== es,
    });

    const open = () => {
      const from = cursor.resumeRevision;
      const es = new EventSource(from === undefined ? keyParam : `${keyParam}&fromRevision=${from}`);
      source = es;
      es.addEventListener("ready", (e) => {
        cursor.restate((JSON.parse(e.data) as ReadyData3).revision);
        lifecycle.ready();
      });
      for (const type of ["put", "delete"] as const) {
        es.addEventListener(type, (e) => {
          const parsed = watchEventData3Schema.safeParse(JSON.parse(e.data));
          if (!parsed.success || !cursor.advance(e.lastEventId)) return; // malformed, or delivered before a reconnect
          handlers.current.onEvent(parsed.data, e.lastEventId);
          update({});
        });
      }
      lifecycle.attach(es, (raw) => {
        const data = JSON.parse(raw) as ResyncData3;
        cursor.restate(data.revision);
        return () => handlers.current.onResync?.(data.revision, data.reason);
      });
    };

    update({ state: "connecting", message: undefined });
    open();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [keyParam, fromRevision, enabled]);

  return stream;
}
