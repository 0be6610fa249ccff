"use client";
import Link from "next/link";
import { useTranslations } from "use-intl";
import { ConnectionStatus } from "@/components/layout/connection-status";
import type { ClusterListResponse } from "@/lib/api/types";
import { auditPageHref } from "@/lib/audit-page/filter";
import { useAccess } from "@/lib/hooks/use-access";
import { DEFAULT_CLUSTER_NAME, keyPageHref } from "@/lib/keys-url";
import { ClusterFacts } from "./cluster-facts";
import { RecentWrites } from "./recent-writes";

const LINK = "rounded-md border border-line px-2.5 py-1 text-sm hover:bg-hover focus-visible:outline-2 focus-visible:outline-focus";

/** One configured cluster on the home page: its state at a glance and links into each page for it. */
export function ClusterCard({ cluster }: { cluster: ClusterListResponse["clusters"][number] }) {
  const t = useTranslations("home");
  const { can } = useAccess(cluster.name);
  const suffix = cluster.name === DEFAULT_CLUSTER_NAME ? "" : `?cluster=${encodeURIComponent(cluster.name)}`;
  const links = [
    { href: keyPageHref(cluster.name, "/"), label: t("keys") },
    { href: `/cluster${suffix}`, label: t("clusterPage") },
    { href: `/watch${suffix}`, label: t("watch") },
    ...(can("admin") ? [{ href: auditPageHref({ cluster: cluster.name }), label: t("audit") }] : []),
  ];
  return (
    // min-w-0: a grid item is otherwise as wide as its longest unbreakable line (a recent write's key), which
    // would widen the page past a phone's screen instead of truncating the key.
    <article aria-label={t("cluster", { name: cluster.name })} className="min-w-0 rounded-lg border border-line bg-surface p-4">
      <h3 className="mb-3 font-medium">
        {cluster.name}
        {cluster.readOnly ? <span className="ml-2 rounded bg-info-soft px-1.5 py-0.5 text-xs font-normal text-info">{t("readOnly")}</span> : null}
        <span className="ml-2 text-sm font-normal text-muted">{t("endpoints", { count: cluster.endpointCount })}</span>
      </h3>
      <nav aria-label={t("pagesOf", { name: cluster.name })} className="mb-3">
        <ul className="flex flex-wrap gap-2">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className={LINK}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-2">
        <ClusterFacts cluster={cluster.name} />
        <ConnectionStatus cluster={cluster.name} />
      </div>
      {can("admin") ? <RecentWrites cluster={cluster.name} /> : null}
    </article>
  );
}
