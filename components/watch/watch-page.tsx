"use client";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useTranslations } from "use-intl";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useKeyspaces } from "@/lib/hooks/use-keyspaces";
import { panelIds, panelsFromSearchParams, watchPageHref, type PanelSpec } from "@/lib/watch-page/panels";
import { AddPanelForm } from "./add-panel-form";
import { WatchPanel } from "./watch-panel";

/** The Watch page: panels side by side, each a live log of one key; the panel list is the URL. */
export function WatchPage() {
  const t = useTranslations("watch");
  const cluster = useClusterParam();
  const searchParams = useSearchParams();
  const panels = useMemo(() => panelsFromSearchParams(searchParams), [searchParams]);
  const ids = panelIds(panels);
  // Until the cluster's keyspaces are known the form offers v2 alone, as before v3 (today's links and habits).
  const { data: keyspaces } = useKeyspaces(cluster);
  // The native history API, which Next's router follows (useSearchParams updates): the panel list
  // changes without a round trip to the server. replace, not push: Back leaves the page rather than
  // removing panels one by one.
  const show = (next: PanelSpec[]) => window.history.replaceState(null, "", watchPageHref(cluster, next));

  return (
    <main className="flex flex-col gap-4 p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <AddPanelForm offered={keyspaces?.offered ?? ["v2"]} defaultKeyspace={keyspaces?.default ?? "v2"} onAdd={(spec) => show([...panels, spec])} />
      {panels.length === 0 ? (
        <p className="text-sm text-muted">{t("noPanels")}</p>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          {panels.map((spec, i) => (
            // Another cluster is another stream and log: the cluster is part of the identity.
            <WatchPanel key={`${cluster}\n${ids[i]}`} cluster={cluster} spec={spec} onRemove={() => show(panels.filter((_, j) => j !== i))} />
          ))}
        </div>
      )}
    </main>
  );
}
