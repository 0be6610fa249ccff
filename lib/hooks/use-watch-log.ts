"use client";
import { useCallback, useMemo, useState } from "react";
import { useEventBatcher } from "@/lib/hooks/use-event-batcher";
import { useWatchStream, type WatchStream } from "@/lib/hooks/use-watch-stream";
import { useWatchStream3 } from "@/lib/hooks/use-watch-stream3";
import { parseKeyDisplay } from "@/lib/keyspace3/key-bytes";
import { clear, emptyLog, pause, receive, resume, type LogItem, type WatchLog } from "@/lib/watch-page/log";
import { changeFromV2, changeFromV3 } from "@/lib/watch-page/log-change";
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

const NO_BYTES = new Uint8Array(0);

/**
 * One panel's live log: the watch stream of `spec` on `cluster` (v2 or v3, by the panel's keyspace), each
 * change mapped to the log's one shape (log-change.ts) and gathered into a capped, pausable log. Pausing holds
 * what arrives and the stream goes on, so Resume misses nothing on either keyspace.
 */
export function useWatchLog(cluster: string, spec: PanelSpec): WatchLogControls {
  const [log, setLog] = useState<WatchLog>(emptyLog);
  const batcher = useEventBatcher<LogItem>((items) => setLog((current) => receive(current, items)), gatherForBatch);
  const { push: enqueue, flushNow: flush, discard } = batcher;
  const v3 = spec.keyspace === "v3";
  // Both hooks are always called (the rules of hooks); only the panel's keyspace has its stream enabled.
  const v3Key = useMemo(() => (v3 ? parseKeyDisplay(spec.key) : undefined), [v3, spec.key]);

  const stream2 = useWatchStream({
    cluster,
    key: v3 ? "/" : spec.key,
    recursive: !v3 && spec.recursive,
    fromIndex: v3 ? undefined : spec.fromIndex,
    enabled: !v3,
    onEvent: (event) => enqueue({ kind: "event", receivedAt: Date.now(), change: changeFromV2(event) }),
    // A log has nothing to reload: it records the gap, and the stream goes on after etcdIndex.
    onResync: (etcdIndex, reason) => enqueue({ kind: "resync", receivedAt: Date.now(), keyspace: "v2", position: etcdIndex, reason }),
  });
  const stream3 = useWatchStream3({
    cluster,
    key: v3Key?.ok ? v3Key.bytes : NO_BYTES,
    prefix: v3 && spec.prefix,
    fromRevision: v3 ? spec.fromRevision : undefined,
    enabled: v3 && v3Key?.ok === true,
    onEvent: (event) => enqueue({ kind: "event", receivedAt: Date.now(), change: changeFromV3(event) }),
    // As on v2: the gap is recorded, and the stream goes on after that revision.
    onResync: (revision, reason) => enqueue({ kind: "resync", receivedAt: Date.now(), keyspace: "v3", position: revision, reason }),
  });
  const stream = v3 ? stream3 : stream2;

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
