// The key tree's first screen, read on the server for a document load of /keys/<key> (lib/tree/seed.ts says
// what it is for). Best effort: anything that goes wrong (no session, an unknown cluster, an invalid key,
// etcd slow, down or refusing) gives no seed, and the tree reads its listings in the browser as it always
// could; the page itself never fails because of it.
import "server-only";
import { authorizeCookie } from "@/lib/dashboard-auth/access";
import { clusterClient } from "@/lib/clusters";
import { parseKey } from "@/lib/etcd";
import { ancestorsOf } from "@/lib/key-path";
import { DEFAULT_CLUSTER_NAME, keyFromPageSegments } from "@/lib/keys-url";
import { firstChildren, type SeedListing, type TreeSeed } from "@/lib/tree/seed";
import { clusterParamSchema } from "../schemas";
import { parseInput } from "./request-guards";

/**
 * The URL of the page being rendered (path and query), as scripts/server.mjs received it: Next.js tells a
 * layout neither (the server sets it on every page request, replacing any the client sent).
 */
export const PAGE_URL_HEADER = "x-etcd-dashboard-url";

/** How long the listings may take before the tree goes without (it then reads them in the browser). */
const SEED_DEADLINE_MS = 1_000;

/**
 * How long the page's first bytes may wait for the seed: read by then (a directory of 10,000 children
 * takes about 25 ms), its rows are part of them and paint with the page; later, they follow in the same
 * response and React reveals them 300 ms after the first paint at the earliest.
 */
const SHELL_WAIT_MS = 150;

interface PageRequest {
  get(name: string): string | null;
}

/** The seed if it is read within SHELL_WAIT_MS, else the promise of it. */
export async function treeSeedForLayout(headers: PageRequest): Promise<{ now: TreeSeed | null } | { later: Promise<TreeSeed | null> }> {
  const seed = treeSeedOfRequest(headers);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, SHELL_WAIT_MS, "late")));
  const first = await Promise.race([seed, late]);
  clearTimeout(timer);
  return first === "late" ? { later: seed } : { now: first };
}

/**
 * The seed for this request: only when the browser loads a Keys page as a document (a client-side
 * navigation finds the listings in the browser's cache). Never rejects.
 */
export async function treeSeedOfRequest(headers: PageRequest): Promise<TreeSeed | null> {
  const url = headers.get(PAGE_URL_HEADER);
  if (headers.get("sec-fetch-dest") !== "document" || !url) return null;
  try {
    const { pathname, searchParams } = new URL(url, "http://page.invalid");
    if (pathname !== "/keys" && !pathname.startsWith("/keys/")) return null;
    // A v3 page's tree reads v3 listings: the v2 seed would be a read for nothing (or of a cluster without v2).
    if (searchParams.get("keyspace") === "v3") return null;
    const key = keyFromPageSegments(pathname.split("/").slice(2));
    const cluster = searchParams.get("cluster") || DEFAULT_CLUSTER_NAME;
    return await treeSeed({ cookie: headers.get("cookie"), cluster, key, signal: AbortSignal.timeout(SEED_DEADLINE_MS) });
  } catch {
    return null;
  }
}

/**
 * The first children of every directory from the root down to `key` (and of `key` itself when it is a
 * directory), for a user with a session. Throws on an invalid cluster, key or session.
 */
async function treeSeed({ cookie, cluster, key, signal }: { cookie: string | null; cluster: string; key: string; signal?: AbortSignal }): Promise<TreeSeed | null> {
  authorizeCookie(cookie, "viewer");
  const client = clusterClient(parseInput(clusterParamSchema, cluster, "cluster"));
  if (!client) return null;
  const selected = parseKey(key);
  const read = async (dir: string): Promise<SeedListing | null> => {
    const { node } = await client.keys.get(parseKey(dir), { sorted: true, signal });
    if (!node?.dir) return null;
    const nodes = (node.nodes ?? []).filter((n): n is typeof n & { key: string } => typeof n.key === "string");
    return { dir, children: firstChildren(nodes), total: nodes.length };
  };
  const listings = await Promise.all([...ancestorsOf(selected), selected].map((dir) => read(dir).catch(() => null)));
  return { cluster, listings: listings.filter((l): l is SeedListing => l !== null) };
}
