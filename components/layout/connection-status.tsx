"use client";
import { useTranslations } from "use-intl";
import { ErrorWordsView } from "@/components/errors/error-words-view";
import { useErrorWords } from "@/components/errors/use-error-words";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useConnection } from "@/lib/hooks/use-connection";

/** The connected cluster's etcd version, or why etcd cannot be reached. */
export function ConnectionStatus({ cluster }: { cluster: string }) {
  const { data, error, isLoading } = useConnection(cluster);
  const t = useTranslations("errors");
  const words = useTranslations("layout");
  const wordsOf = useErrorWords();
  const shownCluster = useClusterParam();
  if (isLoading) {
    return (
      <p role="status" className="text-sm text-muted">
        {t("connecting")}
      </p>
    );
  }
  // Another cluster's failure in full; the page's own cluster's in its title only (the banner explains it).
  if (error && cluster !== shownCluster) return <ErrorWordsView words={wordsOf(error)} />;
  if (error) {
    return (
      <p role="status" className="text-sm font-semibold text-danger">
        {wordsOf(error).title}
      </p>
    );
  }
  return (
    // The status role goes on a wrapper: on the <dl> itself it would hide the list's meaning (axe: dlitem).
    <div role="status" aria-label={words("etcdVersion")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{words("etcdServer")}</dt>
        <dd className="font-mono">{data?.version?.etcdserver ?? words("unknown")}</dd>
        <dt className="text-muted">{words("clusterVersion")}</dt>
        <dd className="font-mono">{data?.version?.etcdcluster ?? words("unknown")}</dd>
      </dl>
    </div>
  );
}
