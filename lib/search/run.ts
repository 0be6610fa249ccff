// A search on the server: one recursive read of the subtree, then the matching on a worker thread
// (lib/search/search-worker.ts), so that no pattern, however it backtracks, holds up the event loop that
// answers everyone else. The worker stops a runaway pattern itself (a vm timeout per batch); a worker that
// goes silent anyway is terminated, and so is one whose client went away. Each user runs at most
// SEARCHES_PER_USER searches at once (429 beyond), and at most MATCHING_THREADS match at once in all
// (the others wait their turn), so searches cannot take every core either.
import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { ApiError } from "@/lib/api/errors";
import { releasingAfter, userSlots } from "@/lib/api/server/user-slots";
import type { EtcdClient, KeyPath } from "@/lib/etcd";
import { MATCH_CAP, type SearchLine, type SearchQuery } from "./query";
import { PATTERN_TIMEOUT_MS, type WorkerInput, type WorkerMessage } from "./worker-protocol";

/** Searches one user may run at once. */
const SEARCHES_PER_USER = 2;
/** Worker threads matching at once, for all users together. */
const MATCHING_THREADS = Math.max(2, os.availableParallelism());
/** Silence from a worker after which it is taken to be stuck (its own timeout should have fired long before). */
const SILENT_WORKER_MS = PATTERN_TIMEOUT_MS * 5;

const searches = userSlots("search", "searches", SEARCHES_PER_USER);

/**
 * Reads the subtree and returns its lines; errors before the first line (too many searches, not a
 * directory, etcd down) throw. The user's slot is held until the lines end or the client goes away.
 */
export async function startSearch(client: EtcdClient, user: string, dir: KeyPath, query: SearchQuery, signal: AbortSignal): Promise<AsyncGenerator<SearchLine>> {
  const slot = searches.take(user, signal);
  try {
    const read = await client.keys.get(dir, { recursive: true, sorted: true, signal });
    const root = read.node;
    if (!root?.dir) throw ApiError.of("not_a_directory", `${dir} is a key, not a directory: search a directory.`);
    const bytes = read.wire === undefined ? 0 : Buffer.byteLength(read.wire);
    const input: WorkerInput = { ...(read.wire === undefined ? { root } : { wire: read.wire }), dir, bytes, options: { ...query, limit: query.limit ?? MATCH_CAP } };
    return releasingAfter(matchOnWorker(input, signal), slot);
  } catch (error) {
    slot.release();
    throw error;
  }
}

/** The worker's lines as they come; stopping the generator terminates the worker. */
async function* matchOnWorker(input: WorkerInput, signal: AbortSignal): AsyncGenerator<SearchLine> {
  const release = await matchingThread(signal);
  const worker = new Worker(new URL("./search-worker.ts", import.meta.url), { workerData: input });
  const queue: (WorkerMessage | { type: "failed"; error: unknown } | { type: "exit" })[] = [];
  let wake: (() => void) | undefined;
  const push = (item: (typeof queue)[number]) => {
    queue.push(item);
    wake?.();
  };
  worker.on("message", (message: WorkerMessage) => push(message));
  worker.on("error", (error) => push({ type: "failed", error }));
  worker.on("exit", () => push({ type: "exit" }));
  try {
    for (;;) {
      if (queue.length === 0) {
        const heard = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), SILENT_WORKER_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        wake = undefined;
        if (!heard) throw ApiError.of("invalid_input", `Stopped: the search stopped responding for ${SILENT_WORKER_MS / 1000} s. Search a smaller directory or a simpler pattern.`);
        continue;
      }
      const item = queue.shift()!;
      switch (item.type) {
        case "line":
          yield item.line;
          if (item.line.type === "done") return;
          break;
        case "stopped":
          throw ApiError.of("invalid_input", item.message, item.issue ? { issues: [{ path: "query.q", message: item.issue }] } : {});
        case "failed":
          throw item.error;
        case "exit":
          throw new Error("the search worker exited before the search was done");
      }
    }
  } finally {
    release();
    void worker.terminate();
  }
}

const waiting: (() => void)[] = [];
let matching = 0;

/** Waits for one of the MATCHING_THREADS; resolves to the function that gives it back. */
async function matchingThread(signal: AbortSignal): Promise<() => void> {
  while (matching >= MATCHING_THREADS) {
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (signal.aborted) {
      // The turn this search was woken for goes to the next in line.
      waiting.shift()?.();
      throw signal.reason;
    }
  }
  matching += 1;
  let given = false;
  return () => {
    if (given) return;
    given = true;
    matching -= 1;
    waiting.shift()?.();
  };
}
