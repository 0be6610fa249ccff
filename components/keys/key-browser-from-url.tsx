"use client";
import { useParams, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { KeyBrowser3 } from "@/components/keys3/key-browser3";
import { useKeyspaces } from "@/lib/hooks/use-keyspaces";
import { keyspaceRootHref, queryRecord, v3KeysPageQuerySchema } from "@/lib/keyspace3/key-url";
import { DEFAULT_CLUSTER_NAME, keyFromPageSegments } from "@/lib/keys-url";
import type { TreeSeed } from "@/lib/tree/seed";
import { KeyBrowser } from "./key-browser";

/**
 * The Keys page's browser, rendered by the keys layout so that it stays mounted while the selected key
 * (the URL) changes: a navigation re-renders the tree instead of remounting it, so a click or the keyboard
 * focus is never lost to a remount. /keys/a/b selects the v2 key /a/b; /keys?keyspace=v3&key=… a v3 key
 * (lib/keyspace3/key-url.ts). A cluster that does not offer v2 (etcd 3.6 removed it) opens in v3.
 */
export function KeyBrowserFromUrl({ seed }: { seed?: TreeSeed | null | Promise<TreeSeed | null> }) {
  const { key } = useParams<{ key?: string[] }>();
  const search = useSearchParams();
  const router = useRouter();
  const v3 = search.get("keyspace") === "v3";
  const cluster = search.get("cluster") || DEFAULT_CLUSTER_NAME;
  const { data: keyspaces } = useKeyspaces(cluster);
  const v2Absent = !v3 && keyspaces !== undefined && !keyspaces.offered.includes("v2");
  // A v2 link to a cluster without v2: its keys are nowhere to be found, so the page opens the v3 root instead.
  useEffect(() => {
    if (v2Absent) router.replace(keyspaceRootHref(cluster, "v3"));
  }, [v2Absent, router, cluster]);
  if (v3) {
    const query = v3KeysPageQuerySchema.safeParse(queryRecord(new URLSearchParams(search.toString())));
    return <KeyBrowser3 cluster={cluster} query={query} />;
  }
  if (v2Absent) return null;
  return <KeyBrowser selectedKey={keyFromPageSegments(key)} seed={seed} />;
}
