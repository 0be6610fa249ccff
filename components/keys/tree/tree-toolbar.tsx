"use client";
import { RefreshCw } from "lucide-react";
import { useId, useMemo } from "react";
import { baseNameOf } from "@/lib/key-path";
import { filterCount } from "@/lib/tree/filter";
import type { ListingState } from "@/lib/tree/flatten";
import { formatCount } from "@/lib/tree/format";
import { GoToKey } from "../go-to-key";
import { LiveIndicator } from "../live-indicator";

interface TreeToolbarProps {
  cluster: string;
  onGo: (key: string) => void;
  /** The directory the filter narrows, its listing, and the text typed. */
  filterDir: string;
  filterListing: ListingState | undefined;
  filterText: string;
  onFilterChange: (text: string) => void;
  /** Re-reads the open directories. */
  onRefresh: () => void;
}

/** Above the tree: Go to key, the filter of a directory's children (with how many match), the live indicator and Refresh. */
export function TreeToolbar({ cluster, onGo, filterDir, filterListing, filterText, onFilterChange, onRefresh }: TreeToolbarProps) {
  const filterId = useId();
  // Only shown while filtering: no pass over a big listing's names otherwise.
  const filterCounts = useMemo(
    () => (filterText && filterListing?.status === "loaded" ? filterCount(filterListing.children.map((c) => baseNameOf(c.key)), filterText) : null),
    [filterListing, filterText],
  );
  return (
    <div className="space-y-2 border-b border-zinc-200 p-2 dark:border-zinc-800">
      <GoToKey cluster={cluster} onGo={onGo} />
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <label htmlFor={filterId} className="block text-xs font-medium text-zinc-500">
            Filter
          </label>
          <LiveIndicator />
        </div>
        <div className="flex items-center gap-2">
          <input
            id={filterId}
            type="search"
            value={filterText}
            onChange={(e) => onFilterChange(e.target.value)}
            placeholder={`Children of ${filterDir}`}
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          {filterText && filterCounts && (
            <span role="status" aria-label="Filter matches" className="shrink-0 text-xs text-zinc-500">
              {`${formatCount(filterCounts.shown)} of ${formatCount(filterCounts.total)}`}
            </span>
          )}
          <button
            type="button"
            aria-label="Refresh tree"
            title="Re-read the open directories"
            onClick={onRefresh}
            className="shrink-0 rounded border border-zinc-300 p-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            <RefreshCw aria-hidden="true" size={14} />
          </button>
        </div>
      </div>
    </div>
  );
}
