"use client";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { errorKindOf } from "@/lib/api/error-kind";
import { ApiError } from "@/lib/api/errors";
import type { Dir3Response } from "@/lib/api/keys3";
import { dir3ReadPath } from "@/lib/api/keys3-client";
import { base64ToBytes } from "@/lib/binary/value-bytes";
import { keys3Reads } from "@/lib/hooks/use-keys3";
import { useLiveKeys3Context } from "@/lib/hooks/use-live-keys3";
import { bytesOf, type Change3 } from "@/lib/tree3/listings3";
import type { Tree3Store } from "@/lib/tree3/store3";

/** How long re-reads asked for by deletes wait to gather: a burst of deletes is one re-read per directory. */
const REREAD_DEBOUNCE_MS = 300;

const failure = (error: unknown) => ({ message: error instanceof Error ? error.message : String(error), kind: error instanceof ApiError ? errorKindOf(error.body) : undefined });

/**
 * The v3 tree's reads and live changes: the open directories not read yet are read (one level each), a truncated
 * listing's next page when asked, and the page's live stream applied to what is listed. A resync, or a delete
 * that may have emptied a directory nobody listed, reads the listings again.
 */
export function useTree3Reads(store: Tree3Store, cluster: string, openDirs: readonly string[], onChanged: (ids: readonly string[]) => void) {
  const live = useLiveKeys3Context();
  const changedRef = useRef(onChanged);
  changedRef.current = onChanged;

  const read = useCallback(
    async (dir: string) => {
      if (store.getState().listings.get(dir)?.status !== "loaded") store.loading(dir);
      try {
        const response = (await keys3Reads.read(dir3ReadPath(cluster, bytesOf(dir)))) as Dir3Response;
        return store.read(dir, response);
      } catch (error) {
        const { message, kind } = failure(error);
        store.failed(dir, message, kind);
        return [];
      }
    },
    [store, cluster],
  );

  const rereads = useMemo(() => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
      add(dirs: readonly string[]) {
        for (const dir of dirs) pending.add(dir);
        if (pending.size === 0 || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          const dirs = [...pending];
          pending.clear();
          for (const dir of dirs) void read(dir).then((more) => rereads.add(more));
        }, REREAD_DEBOUNCE_MS);
      },
      stop: () => clearTimeout(timer),
    };
  }, [read]);
  useEffect(() => rereads.stop, [rereads]);

  // The open directories with no listing yet (opened, or on the way to a link).
  useEffect(() => {
    const { listings } = store.getState();
    for (const dir of openDirs) if (!listings.has(dir)) void read(dir).then(rereads.add);
  }, [store, openDirs, read, rereads]);

  useEffect(
    () =>
      live.subscribe((batch) => {
        if (batch.kind === "resync") {
          // §6.4: changes were missed; whatever is listed is read again as of now.
          for (const dir of store.listedDirs()) void read(dir).then(rereads.add);
          return;
        }
        const changes: Change3[] = [];
        for (const event of batch.events) {
          const key = base64ToBytes(event.key);
          if (key) changes.push({ type: event.type, key, modRevision: event.modRevision, createRevision: event.createRevision, version: event.version, lease: event.lease });
        }
        const { changed, reread } = store.changes(changes);
        if (changed.length > 0) changedRef.current(changed);
        rereads.add(reread);
      }),
    [live, store, read, rereads],
  );

  /** The next page of a truncated listing (at its revision, from its resume key). */
  const readMore = useCallback(
    async (dir: string) => {
      const listing = store.getState().listings.get(dir);
      if (listing?.status !== "loaded" || listing.resumeKey === null || listing.page === "loading") return;
      store.pageLoading(dir);
      try {
        const path = dir3ReadPath(cluster, listing.prefix, { revision: String(listing.revision), from: bytesOf(listing.resumeKey) });
        const changed = store.pageRead(dir, (await keys3Reads.read(path)) as Dir3Response);
        if (changed.length > 0) changedRef.current(changed);
      } catch (error) {
        const { message, kind } = failure(error);
        store.pageFailed(dir, message, kind);
      }
    },
    [store, cluster],
  );

  /** Refresh: every listing read again. */
  const refresh = useCallback(() => {
    for (const dir of store.listedDirs()) void read(dir).then(rereads.add);
  }, [store, read, rereads]);

  return { read, readMore, refresh };
}
