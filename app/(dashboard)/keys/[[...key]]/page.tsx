import { headers } from "next/headers";
import { preload } from "react-dom";
import { clusterOfPage, pageTitle } from "@/lib/i18n/page-title";
import { ancestorsOf, keyProblem } from "@/lib/key-path";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";
import { v3KeysPageQuerySchema } from "@/lib/keyspace3/key-url";
import { dir3ReadPath } from "@/lib/api/keys3-client";
import { dirsToOpen } from "@/lib/tree3/flatten3";
import { bytesOf } from "@/lib/tree3/listings3";
import { DEFAULT_CLUSTER_NAME, keyFromPageSegments, keyReadPath } from "@/lib/keys-url";

export const dynamic = "force-dynamic";

interface KeysPageProps {
  params: Promise<{ key?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// "/a/b · Keys · prod · etcd dashboard": run again on each client-side navigation, so the title follows the
// selected key although the key browser (the layout) stays mounted.
export async function generateMetadata({ params, searchParams }: KeysPageProps) {
  const query = await searchParams;
  const key = query.keyspace === "v3" ? v3TitleKey(query) : keyFromPageSegments((await params).key);
  return pageTitle("keys", { key, cluster: await clusterOfPage(searchParams) });
}

/** A v3 page's key or directory in its display form (the root and a malformed query: none). */
function v3TitleKey(query: Record<string, string | string[] | undefined>): string | undefined {
  const parse = v3KeysPageQuerySchema.safeParse(query);
  if (!parse.success) return undefined;
  const { target } = parse.data;
  return target.kind === "key" ? keyDisplay(target.key) : target.kind === "dir" ? keyDisplay(target.prefix) : undefined;
}

// /keys/a/b: the key browser itself is rendered by the keys layout (app/(dashboard)/keys/layout.tsx) from the
// URL, so that it survives navigations; the route exists so that every /keys/… URL is a page.
//
// When the page is opened (a document, not a client-side navigation), the browser is told in the HTML's head
// to fetch what the tree and the key panel will read first: the listings from the root down to the key, and
// the key itself, the same URLs as their SWR keys. They load while the JavaScript does, instead of after it.
export default async function KeysPage({ params, searchParams }: KeysPageProps) {
  // Only when the browser loads the document: a client-side navigation (a fetch of the RSC payload) finds
  // the listings in SWR's cache. Next hides its own RSC request headers from pages; the browser's
  // Sec-Fetch-Dest tells them apart (absent: no preload, which is only a loss of speed).
  if ((await headers()).get("sec-fetch-dest") !== "document") return null;
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const cluster = [query.cluster].flat()[0] || DEFAULT_CLUSTER_NAME;
  if (query.keyspace === "v3") {
    // The v3 tree's listings on the way to the target (its reads: components/keys3/use-tree3-reads.ts), not v2's.
    const parse = v3KeysPageQuerySchema.safeParse(query);
    if (!parse.success) return null;
    for (const dir of ["", ...dirsToOpen(parse.data.target)]) preload(dir3ReadPath(cluster, bytesOf(dir)), { as: "fetch", crossOrigin: "anonymous" });
    return null;
  }
  const selected = keyFromPageSegments(key);
  if (keyProblem(selected)) return null;
  for (const path of [...ancestorsOf(selected), selected]) preload(keyReadPath(cluster, path), { as: "fetch", crossOrigin: "anonymous" });
  return null;
}
