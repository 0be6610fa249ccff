// What lib/search/run.ts and the search worker (lib/search/search-worker.ts) tell each other. Pure.
import type { V2Node } from "@/lib/etcd/wire";
import type { SubtreeSearchOptions } from "./matcher";
import type { SearchLine } from "./query";

/** Matching time per batch: the worker reports progress (and shows it is alive) after each. */
export const BATCH_MS = 15;
/** Most matches in one line. */
export const BATCH_MATCHES = 1000;
/** A batch running longer than this is a pattern that backtracks out of control. */
export const PATTERN_TIMEOUT_MS = 1000;
/** Matching time a whole search may use. */
export const SEARCH_BUDGET_MS = 60_000;

export interface WorkerInput {
  /** etcd's answer as it came (parsed in the worker), or, without it, the parsed listing. */
  wire?: string;
  root?: V2Node;
  dir: string;
  /** Bytes of etcd's listing, for the size line. */
  bytes: number;
  options: SubtreeSearchOptions;
}

export type WorkerMessage =
  | { type: "line"; line: SearchLine }
  /** The search was stopped (a runaway pattern, the budget spent): the message says why. */
  | { type: "stopped"; message: string; issue?: string };
