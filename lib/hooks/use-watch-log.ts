"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useWatchStream, type WatchStream } from "@/lib/hooks/use-watch-stream";
import { clear, emptyLog, pause, receive, resume, type LogItem, type WatchLog } from "@/lib/watch-page/log";
import type { PanelSpec } from "@/lib/watch-page/panels";

/**
 * Events are gathered for this long and added to the log together: a busy watch then re-renders the
 * panel a few dozen times a second at most, not once per event, and the log is copied once per batch.
 */
const BATCH_MS = 40;

export interface WatchLogControls {
  log: WatchLog;
  stream: WatchStream;
  pause: () => void;
  resume: () => void;
  clear: () => void;
}

/** One panel's live log: the watch stream of `spec` on `cluster`, gathered into a capped, pausable log. */
export function useWatchLog(cluster: string, spec: PanelSpec): WatchLogControls {
  const [log, setLog] = useState<WatchLog>(emptyLog);
  const pending = useRef<LogItem[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const items = pending.current;
    pending.current = [];
    setLog((current) => receive(current, items));
  }, []);
  const enqueue = useCallback(
    (item: LogItem) => {
      pending.current.push(item);
      if (timer.current === undefined) timer.current = setTimeout(flush, BATCH_MS);
    },
    [flush],
  );
  useEffect(() => () => clearTimeout(timer.current), []);

  const stream = useWatchStream({
    cluster,
    key: spec.key,
    recursive: spec.recursive,
    fromIndex: spec.fromIndex,
    onEvent: (event) => enqueue({ kind: "event", receivedAt: Date.now(), event }),
    // A log has nothing to reload: it records the gap, and the stream goes on after etcdIndex.
    onResync: (etcdIndex, reason) => enqueue({ kind: "resync", receivedAt: Date.now(), etcdIndex, reason }),
  });

  return {
    log,
    stream,
    // Whatever is still gathering belongs before the pause / resume: add it first.
    pause: useCallback(() => {
      flush();
      setLog(pause);
    }, [flush]),
    resume: useCallback(() => {
      flush();
      setLog(resume);
    }, [flush]),
    clear: useCallback(() => {
      // Received before the click: cleared with the rest.
      pending.current = [];
      setLog(clear);
    }, []),
  };
}
