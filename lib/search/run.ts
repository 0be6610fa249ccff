// A search on the server: one recursive read of the subtree, then the matching in short batches, each a
// slice of the event loop, so one user searching 100,000 keys does not freeze the dashboard for others.
//
// Patterns that backtrack catastrophically (`(a+)+$` on a long value) cannot be interrupted from the
// same thread by a check between nodes: one RegExp.exec may run for minutes. So every batch runs through
// node:vm with a timeout, which V8 enforces even inside a regular expression; a batch that overruns
// ends the search with "the pattern took too long" (an error line), and so does a search whose batches
// together exceed a budget of matching time. A worker thread would also do, but would copy the listing
// (15 MB for 100,000 keys) into it; a vm timeout costs a watchdog thread per batch, a fraction of a ms.
import type { V2Node } from "@/lib/etcd/wire";
import "server-only";
import vm from "node:vm";
import { ApiError } from "@/lib/api/errors";
import type { EtcdClient, KeyPath } from "@/lib/etcd";
import { SubtreeSearch } from "./matcher";
import { MATCH_CAP, type SearchLine, type SearchMatch, type SearchQuery } from "./query";

/** Matching time per batch before it gives the event loop back. */
const BATCH_MS = 15;
/** Most matches in one line. */
const BATCH_MATCHES = 1000;
/** A batch running longer than this is a pattern that backtracks out of control. */
const PATTERN_TIMEOUT_MS = 1000;
/** Matching time a whole search may use. */
const SEARCH_BUDGET_MS = 60_000;

const stepScript = new vm.Script("step()");

/** Reads the subtree and returns its lines; errors before the first line (not a directory, etcd down) throw. */
export async function startSearch(client: EtcdClient, dir: KeyPath, query: SearchQuery, signal: AbortSignal): Promise<AsyncGenerator<SearchLine>> {
  const read = await client.keys.get(dir, { recursive: true, sorted: true, signal });
  const root = read.node;
  if (!root?.dir) throw ApiError.of("not_a_directory", `${dir} is a key, not a directory: search a directory.`);
  const bytes = read.wire === undefined ? 0 : Buffer.byteLength(read.wire);
  return searchLines(root, dir, query, bytes, signal);
}

async function* searchLines(root: V2Node, dir: KeyPath, query: SearchQuery, bytes: number, signal: AbortSignal): AsyncGenerator<SearchLine> {
  const limit = query.limit ?? MATCH_CAP;
  const search = new SubtreeSearch(root, dir, { ...query, limit });
  yield { type: "size", dir, ...search.size, bytes };
  const context = vm.createContext({});
  let spent = 0;
  while (!search.done) {
    if (signal.aborted) return;
    const started = performance.now();
    const matches = runBatch(search, context, started);
    spent += performance.now() - started;
    if (matches.length > 0) yield { type: "matches", matches };
    yield { type: "progress", scanned: search.scanned, total: search.total };
    if (spent > SEARCH_BUDGET_MS && !search.done) {
      throw ApiError.of("invalid_input", `Stopped: the search used more than ${SEARCH_BUDGET_MS / 1000} s of matching after ${search.scanned} of ${search.total} nodes. Search a smaller directory or a simpler pattern.`);
    }
    // The next batch waits its turn behind other requests' I/O.
    await new Promise((resolve) => setImmediate(resolve));
  }
  yield { type: "done", matches: search.found, scanned: search.scanned, total: search.total, capped: search.capped, limit };
}

function runBatch(search: SubtreeSearch, context: vm.Context, started: number): SearchMatch[] {
  context.step = () => search.step(() => performance.now() - started > BATCH_MS, BATCH_MATCHES);
  try {
    return stepScript.runInContext(context, { timeout: PATTERN_TIMEOUT_MS }) as SearchMatch[];
  } catch (error) {
    if ((error as { code?: unknown })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
      throw ApiError.of(
        "invalid_input",
        `Stopped: the pattern took too long (over ${PATTERN_TIMEOUT_MS / 1000} s) on ${search.current ?? "a key"}. It probably backtracks on long values: simplify it, e.g. avoid nested repetition like (a+)+.`,
        { issues: [{ path: "query.q", message: "the pattern took too long" }] },
      );
    }
    throw error;
  } finally {
    context.step = undefined;
  }
}
