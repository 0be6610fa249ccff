"use client";
import { RefreshCw } from "lucide-react";
import { useId, useMemo } from "react";
import { useTranslations } from "use-intl";
import { useFormatCount } from "@/lib/hooks/use-format-count";
import { baseNameOf } from "@/lib/key-path";
import { filterCount } from "@/lib/tree/filter";
import type { ListingState } from "@/lib/tree/flatten";
import { GoToKey } from "../go-to-key";
import { LiveIndicator } from "../live-indicator";
import { FilterEmpty } from "./filter-empty";

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
  const t = useTranslations("tree");
  const formatCount = useFormatCount();
  const filterId = useId();
  // Only shown while filtering: no pass over a big listing's names otherwise.
  const filterCounts = useMemo(
    () => (filterText && filterListing?.status === "loaded" ? filterCount(filterListing.children.map((c) => baseNameOf(c.key)), filterText) : null),
    [filterListing, filterText],
  );
  return (
    <div className="space-y-2 border-b border-line p-2">
      <GoToKey cluster={cluster} onGo={onGo} />
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <label htmlFor={filterId} className="block text-xs font-medium text-muted">
            {t("filter")}
          </label>
          <LiveIndicator />
        </div>
        <div className="flex items-center gap-2">
          <input
            id={filterId}
            type="search"
            value={filterText}
            onChange={(e) => onFilterChange(e.target.value)}
            placeholder={t("filterPlaceholder", { dir: filterDir })}
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1 rounded border border-line-strong bg-surface px-2 py-1 text-sm"
          />
          {filterText && filterCounts && (
            <span role="status" aria-label={t("filterMatchesLabel")} className="shrink-0 text-xs text-muted">
              {t("filterMatches", { shown: formatCount(filterCounts.shown), total: formatCount(filterCounts.total) })}
            </span>
          )}
          <button
            type="button"
            aria-label={t("refresh")}
            title={t("refreshTitle")}
            onClick={onRefresh}
            className="shrink-0 rounded border border-line-strong p-1.5 hover:bg-hover"
          >
            <RefreshCw aria-hidden="true" size={14} />
          </button>
        </div>
        {/* Matching nothing must not look like a collapsed directory. */}
        {filterText && filterCounts?.shown === 0 ? <div className="mt-2"><FilterEmpty text={filterText} onClear={() => onFilterChange("")} /></div> : null}
      </div>
    </div>
  );
}
