"use client";
import { useState } from "react";
import { useSWRConfig } from "swr";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { errorKindOf, isConnectionKind } from "@/lib/api/error-kind";
import { clusterPath } from "@/lib/api/fetcher";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useConnection } from "@/lib/hooks/use-connection";
import { keyReads } from "@/lib/hooks/use-key";
import { revalidatePrefix } from "@/lib/swr/revalidate";
import { ErrorWordsView } from "./error-words-view";
import { useErrorWords } from "./use-error-words";

/**
 * The one place that says the cluster cannot be reached, and why, with a Retry that reads everything of the
 * cluster on the page again (the connection, the tree's listings, the open key). Placed by the layout once,
 * above the page; the parts of the page that failed say only the same title.
 */
export function ConnectionBanner() {
  const cluster = useClusterParam();
  const { error } = useConnection(cluster);
  const t = useTranslations("errors.banner");
  const wordsOf = useErrorWords();
  const { cache, mutate } = useSWRConfig();
  const [retrying, setRetrying] = useState(false);
  if (!error || !isConnectionKind(errorKindOf(error.body))) return null;
  const retry = async () => {
    setRetrying(true);
    try {
      await revalidatePrefix({ cache, mutate, forget: keyReads.forget }, clusterPath(cluster, ""));
    } finally {
      setRetrying(false);
    }
  };
  return (
    <div className="px-4 pt-4">
      <ErrorWordsView words={wordsOf(error)} label={t("label")}>
        <Button variant="secondary" className="mt-2" onClick={() => void retry()} disabled={retrying} aria-busy={retrying}>
          {retrying ? t("retrying") : t("retry")}
        </Button>
      </ErrorWordsView>
    </div>
  );
}
