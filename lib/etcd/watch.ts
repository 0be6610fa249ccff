// Watch a key or directory as an abortable async iterator of non-stream long polls (etcd-v2-api.md §5.6).
// `stream=true` is never used: it drops slow readers silently and breaks with a waitIndex in history.
import "server-only";
import { decodeKeysResponse } from "./decode";
import { isEtcdError, type EtcdError } from "./errors";
import { encodeKeyPath, type KeyPath } from "./key-path";
import type { EtcdTransport } from "./transport";
import type { V2Response } from "./wire";

export type WatchItem =
  /** One change; `index` is its modifiedIndex. Events come once each, in index order. */
  | { type: "event"; index: number; event: V2Response }
  /**
   * etcd's history (the last 1000 events) no longer covers the resume point: events were missed.
   * Reload the state; the watch goes on with events after `etcdIndex`.
   */
  | { type: "resync"; etcdIndex: number }
  /** Nothing matched up to `nextIndex - 1`: a resume point for quiet keys. */
  | { type: "progress"; nextIndex: number }
  /** etcd could not be reached; the watch retries on its own (on another member when there is one). */
  | { type: "retrying"; error: EtcdError; attempt: number };

export interface WatchOptions {
  recursive?: boolean;
  /** The first event to deliver is the first with modifiedIndex >= waitIndex. Absent: from now on. */
  waitIndex?: number;
  /** Re-poll after this long without an event (below undici's and proxies' 300 s limits). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** Retry delays grow from this... */
  minBackoffMs?: number;
  /** ...to this. */
  maxBackoffMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/** Errors a watch cannot get past by waiting: misconfiguration, permissions, bad input. */
function isFatal(error: EtcdError): boolean {
  return ["unauthorized", "invalid-request", "v2-disabled", "not-a-directory", "protocol"].includes(error.kind) && !error.retryable;
}

export async function* watch(
  transport: EtcdTransport,
  key: KeyPath,
  options: WatchOptions = {},
): AsyncGenerator<WatchItem, void, undefined> {
  const { signal, recursive } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const minBackoff = options.minBackoffMs ?? 100;
  const maxBackoff = options.maxBackoffMs ?? 3_000;
  let waitIndex = options.waitIndex;
  let attempt = 0;

  while (!signal?.aborted) {
    let res;
    try {
      res = await transport.request({
        method: "GET",
        path: "/v2/keys" + encodeKeyPath(key),
        query: { wait: true, recursive: recursive || undefined, waitIndex },
        idempotent: true,
        idleTimeoutMs,
        signal,
      });
    } catch (error) {
      if (signal?.aborted) return;
      if (!isEtcdError(error) || isFatal(error)) throw error;
      attempt += 1;
      yield { type: "retrying", error, attempt };
      const delay = Math.min(maxBackoff, minBackoff * 2 ** Math.min(attempt - 1, 10));
      await sleep(delay * (0.5 + Math.random() / 2), signal); // jitter: members restart together
      continue; // same waitIndex: nothing was consumed
    }

    if (res.body === null) {
      // Idle-key trick: headers came and no body did, so no matching event exists up to X-Etcd-Index.
      attempt = 0;
      if (res.etcdIndex !== undefined && res.status === 200) {
        waitIndex = Math.max(waitIndex ?? 0, res.etcdIndex + 1);
        yield { type: "progress", nextIndex: waitIndex };
      }
      continue;
    }
    if (res.status === 200 && res.body.trim() === "") continue; // closed early without an event: re-poll

    let event;
    try {
      event = decodeKeysResponse(res);
    } catch (error) {
      if (isEtcdError(error, "history-cleared")) {
        const etcdIndex = error.index ?? res.etcdIndex ?? 0;
        waitIndex = etcdIndex + 1;
        attempt = 0;
        yield { type: "resync", etcdIndex };
        continue;
      }
      if (isEtcdError(error) && !isFatal(error)) {
        attempt += 1;
        yield { type: "retrying", error, attempt };
        await sleep(Math.min(maxBackoff, minBackoff * 2 ** Math.min(attempt - 1, 10)), signal);
        continue;
      }
      throw error;
    }
    attempt = 0;
    const index = event.node?.modifiedIndex;
    if (index === undefined) continue; // cannot happen for a watch event; never loop on it
    waitIndex = index + 1;
    const { etcdIndex: _ignored, wire: _wire, ...v2 } = event;
    yield { type: "event", index, event: v2 };
  }
}
