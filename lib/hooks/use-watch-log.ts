"use client";
import { useCallback, useState } from "react";
import { useEventBatcher } from "@/lib/hooks/use-event-batcher";
import { useWatchStream, type WatchStream } from "@/lib/hooks/use-watch-stream";
import { clear, emptyLog, pause, receive, resume, type LogItem, type WatchLog } from "@/lib/watch-page/log";
import type { PanelSpec } from "@/lib/watch-page/panels";
import { afterMs } from "@/lib/watch/event-batcher";

/**
 * Events are gathered for this long and added to the log together: a busy watch then re-renders the
 * panel a few dozen times a second at most, not once per event, and the log is copied once per batch.
 */
const gatherForBatch = afterMs(40);

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
  const batcher = useEventBatcher<LogItem>((items) => setLog((current) => receive(current, items)), gatherForBatch);
  const { push: enqueue, flushNow: flush, discard } = batcher;

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
      discard();
      setLog(clear);
    }, [discard]),
  };
}
