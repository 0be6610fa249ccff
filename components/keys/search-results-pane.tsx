"use client";
import { X } from "lucide-react";
import { useSyncExternalStore } from "react";
import { useTranslations } from "use-intl";
import { resultsPane } from "@/lib/search/results-pane";
import { SearchResultList } from "./search-results";

const serverSnapshot = () => null;

/**
 * The last search's results, kept open beside the key once one of them was opened (the dialog closes): the
 * open one marked, the others a click (or up / down and Enter) away, until Close or Escape. On a narrow screen
 * a sheet along the bottom.
 */
export function SearchResultsPane({ cluster, selectedKey, onOpen }: { cluster: string; selectedKey: string; onOpen: (key: string) => void }) {
  const t = useTranslations("search");
  const results = useSyncExternalStore(resultsPane.subscribe, resultsPane.get, serverSnapshot);
  if (!results || results.cluster !== cluster) return null;
  const count = results.matches.length;
  return (
    <aside
      aria-label={t("paneLabel", { dir: results.dirKey })}
      onKeyDown={(e) => {
        if (e.key === "Escape") resultsPane.close();
      }}
      className="fixed inset-x-0 bottom-0 z-30 flex h-[45vh] flex-col border-t border-line bg-surface lg:static lg:h-auto lg:w-80 lg:shrink-0 lg:border-l lg:border-t-0"
    >
      <div className="flex items-start gap-2 border-b border-line p-3">
        <div className="min-w-0 flex-1">
          <h2 className="break-all text-sm font-medium">{t("paneHeading", { q: results.q, dir: results.dirKey })}</h2>
          <p className="text-xs text-muted">{results.complete ? t("paneCount", { count }) : t("paneIncomplete", { count })}</p>
        </div>
        <button
          type="button"
          aria-label={t("closePane")}
          title={t("closePane")}
          onClick={resultsPane.close}
          className="shrink-0 rounded p-1 hover:bg-hover focus-visible:outline-2 focus-visible:outline-focus"
        >
          <X aria-hidden size={16} />
        </button>
      </div>
      <SearchResultList
        matches={results.matches}
        count={count}
        dirKey={results.dirKey}
        onOpen={onOpen}
        currentKey={selectedKey}
        className="min-h-0 flex-1 rounded-none border-0"
      />
    </aside>
  );
}
