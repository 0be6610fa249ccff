"use client";
// One search of a subtree at a time, streamed (lib/search/run.ts). Matches gather in a ref and reach
// React at most once per animation frame, so 10,000 results arriving in bursts cost a few renders,
// not 10,000. Cancel aborts the fetch, and with it the server's search.
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchNdjson } from "@/lib/api/stream/ndjson";
import { searchPath, type DoneLine, type SearchForm, type SearchLine, type SearchMatch, type SizeLine } from "@/lib/search/query";

export type SearchStatus = "idle" | "running" | "done" | "cancelled" | "failed";

export interface SubtreeSearchState {
  status: SearchStatus;
  size: SizeLine | null;
  /** How many matches `matches` holds (it is a ref: read it when this changes). */
  count: number;
  scanned: number;
  total: number;
  done: DoneLine | null;
  error: unknown;
}

const IDLE: SubtreeSearchState = { status: "idle", size: null, count: 0, scanned: 0, total: 0, done: null, error: null };

export function useSubtreeSearch(cluster: string, dir: string) {
  const [state, setState] = useState<SubtreeSearchState>(IDLE);
  const matches = useRef<SearchMatch[]>([]);
  const running = useRef<AbortController | null>(null);
  const pending = useRef<Partial<SubtreeSearchState>>({});
  const frame = useRef<number | null>(null);

  const flush = useCallback(() => {
    frame.current = null;
    const update = pending.current;
    pending.current = {};
    setState((current) => ({ ...current, ...update, count: matches.current.length }));
  }, []);

  const schedule = useCallback(
    (update: Partial<SubtreeSearchState>) => {
      Object.assign(pending.current, update);
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    },
    [flush],
  );

  const stopFrame = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
  }, []);

  const finish = useCallback(
    (controller: AbortController, update: Partial<SubtreeSearchState>) => {
      if (running.current !== controller) return; // cancelled, or replaced by a newer search
      running.current = null;
      stopFrame();
      const rest = pending.current;
      pending.current = {};
      setState((current) => ({ ...current, ...rest, ...update, count: matches.current.length }));
    },
    [stopFrame],
  );

  const cancel = useCallback(() => {
    const controller = running.current;
    if (!controller) return;
    // Lines already received count; nothing after the click does.
    finish(controller, { status: "cancelled" });
    controller.abort();
  }, [finish]);

  const start = useCallback(
    (form: SearchForm) => {
      running.current?.abort();
      stopFrame();
      const controller = new AbortController();
      running.current = controller;
      matches.current = [];
      pending.current = {};
      setState({ ...IDLE, status: "running" });
      const onLine = (raw: unknown) => {
        if (running.current !== controller) return;
        const line = raw as SearchLine;
        switch (line.type) {
          case "size":
            schedule({ size: line, total: line.keys + line.dirs });
            break;
          case "matches":
            matches.current.push(...line.matches);
            schedule({});
            break;
          case "progress":
            schedule({ scanned: line.scanned, total: line.total });
            break;
          case "done":
            schedule({ done: line, scanned: line.scanned, total: line.total });
            break;
        }
      };
      fetchNdjson(searchPath(cluster, dir, form), { signal: controller.signal }, onLine).then(
        () => finish(controller, { status: "done" }),
        (error: unknown) => finish(controller, { status: "failed", error }),
      );
    },
    [cluster, dir, finish, schedule, stopFrame],
  );

  // Closing the dialog (unmounting) stops the search on the server too.
  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null;
      stopFrame();
    },
    [stopFrame],
  );

  return { state, matches: matches.current, start, cancel };
}
