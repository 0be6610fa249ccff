// The search results kept open beside the key after one was opened (components/keys/search-results-pane.tsx):
// the dialog that ran the search closes, its results stay. One set per tab, replaced by the next search whose
// result is opened. No React here.
import type { SearchMatch } from "./query";

export interface PaneResults {
  cluster: string;
  /** The directory searched, and what for. */
  dirKey: string;
  q: string;
  matches: readonly SearchMatch[];
  /** Whether the search had read the whole subtree (not stopped, cancelled or capped). */
  complete: boolean;
}

let current: PaneResults | null = null;
const listeners = new Set<() => void>();

function set(next: PaneResults | null) {
  current = next;
  for (const listener of listeners) listener();
}

export const resultsPane = {
  get: (): PaneResults | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  show: (results: PaneResults) => set(results),
  close: () => set(null),
};
