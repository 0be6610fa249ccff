// The matching of one search, on a worker thread: a pattern that backtracks for seconds then holds up
// this thread only, never the server's event loop (lib/search/run.ts starts it and relays its lines).
// Each batch still runs through node:vm with a timeout, which V8 enforces even inside a regular
// expression, so a runaway pattern ends with a message naming the key it was stuck on.
import type { V2Node } from "@/lib/etcd/wire";
import vm from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { SubtreeSearch, type SubtreeSearchOptions } from "./matcher";
import type { SearchLine, SearchMatch } from "./query";
import { BATCH_MATCHES, BATCH_MS, PATTERN_TIMEOUT_MS, SEARCH_BUDGET_MS, type WorkerInput, type WorkerMessage } from "./worker-protocol";

const stepScript = new vm.Script("step()");

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

function listingOf(input: WorkerInput): V2Node {
  // The raw answer etcd sent (already checked by the client) is parsed here: posting a parsed tree of
  // 100,000 keys would clone it on the server's thread.
  return input.wire === undefined ? input.root! : (JSON.parse(input.wire) as { node: V2Node }).node;
}

function run(input: WorkerInput): void {
  const options: SubtreeSearchOptions = input.options;
  const search = new SubtreeSearch(listingOf(input), input.dir, options);
  const line = (value: SearchLine) => post({ type: "line", line: value });
  line({ type: "size", dir: input.dir, ...search.size, bytes: input.bytes });
  const context = vm.createContext({});
  let spent = 0;
  while (!search.done) {
    const started = performance.now();
    const matches = runBatch(search, context, started);
    if (matches === null) return;
    spent += performance.now() - started;
    if (matches.length > 0) line({ type: "matches", matches });
    line({ type: "progress", scanned: search.scanned, total: search.total });
    if (spent > SEARCH_BUDGET_MS && !search.done) {
      post({ type: "stopped", message: `Stopped: the search used more than ${SEARCH_BUDGET_MS / 1000} s of matching after ${search.scanned} of ${search.total} nodes. Search a smaller directory or a simpler pattern.` });
      return;
    }
  }
  line({ type: "done", matches: search.found, scanned: search.scanned, total: search.total, capped: search.capped, limit: options.limit });
}

/** One batch of matching; null (after posting why) when the pattern ran out of control. */
function runBatch(search: SubtreeSearch, context: vm.Context, started: number): SearchMatch[] | null {
  context.step = () => search.step(() => performance.now() - started > BATCH_MS, BATCH_MATCHES);
  try {
    return stepScript.runInContext(context, { timeout: PATTERN_TIMEOUT_MS }) as SearchMatch[];
  } catch (error) {
    if ((error as { code?: unknown })?.code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw error;
    post({
      type: "stopped",
      message: `Stopped: the pattern took too long (over ${PATTERN_TIMEOUT_MS / 1000} s) on ${search.current ?? "a key"}. It probably backtracks on long values: simplify it, e.g. avoid nested repetition like (a+)+.`,
      issue: "the pattern took too long",
    });
    return null;
  } finally {
    context.step = undefined;
  }
}

run(workerData as WorkerInput);
