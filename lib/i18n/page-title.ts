import "server-only";
// Tab titles that say where you are, most specific first: "/apps/web · Keys · prod · etcd dashboard". The
// pages' generateMetadata use it, so a client-side navigation (a new key selected) updates the title too.
import type { Metadata } from "next";
import { listClusters } from "@/lib/clusters";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";
import { serverTranslator } from "./server";

export type TitledPage = "keys" | "cluster" | "watch" | "audit" | "etcdAuth" | "login" | "notFound";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The cluster a page shows (?cluster=, else the default), or none when it names no configured cluster. */
export async function clusterOfPage(searchParams: SearchParams | undefined): Promise<string | undefined> {
  const named = [(await searchParams)?.cluster].flat()[0] || DEFAULT_CLUSTER_NAME;
  return listClusters().some((c) => c.name === named) ? named : undefined;
}

export async function pageTitle(page: TitledPage, where: { key?: string; cluster?: string } = {}): Promise<Metadata> {
  const t = await serverTranslator();
  const parts = [where.key, t(`titles.${page}`), where.cluster, t("common.appName")].filter((part) => part !== undefined && part !== "");
  return { title: parts.join(t("titles.separator")) };
}

/** generateMetadata of a page of one cluster (?cluster=). */
export function clusterPageTitle(page: TitledPage) {
  return async ({ searchParams }: { searchParams: SearchParams }) => pageTitle(page, { cluster: await clusterOfPage(searchParams) });
}
