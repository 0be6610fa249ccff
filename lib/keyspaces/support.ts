// Which keyspaces the dashboard offers for a cluster. etcd keeps two separate stores (etcd-v3-api.md §10): the v2
// store, served over HTTP when etcd 3.4 / 3.5 runs with --enable-v2=true and gone in 3.6, and the v3 store that
// every etcd 3.x serves over gRPC. A cluster's configuration may narrow what is shown to one of them. Pure and
// browser-safe: the route answers this shape and the Keys page reads it.

export const KEYSPACES = ["v2", "v3"] as const;
export type Keyspace = (typeof KEYSPACES)[number];

/** What a probe of the cluster found: its versions (absent when /version did not answer) and whether /v2 answers. */
export interface KeyspaceProbe {
  versions?: { etcdserver: string; etcdcluster: string };
  /** "off": etcd answers /v2 with its plain-text 404; "unknown": the probe could not tell (etcd unreachable ...). */
  v2: "on" | "off" | "unknown";
}

/** Why the v2 keyspace is not offered, for the page to say. */
export type V2Absence = "removed" | "disabled" | "configured";

export interface KeyspaceSupport {
  /** The keyspaces to offer, v2 first; never empty. */
  offered: Keyspace[];
  /** The one the Keys page opens when the URL names none: v2 where offered (today's links), else v3. */
  default: Keyspace;
  /** Set when v2 is not offered. */
  v2Absence?: V2Absence;
  /** The cluster's etcd version, when known. */
  version?: string;
}

/** The first two numbers of a version ("3.6.0" → [3, 6]); undefined for anything else. */
function majorMinor(version: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** etcd 3.6 removed the v2 API (§11): a cluster at 3.6 or later has none, whatever the probe of /v2 says. */
function v2Removed(versions: KeyspaceProbe["versions"]): boolean {
  const cluster = versions && majorMinor(versions.etcdcluster);
  return cluster !== undefined && (cluster[0] > 3 || (cluster[0] === 3 && cluster[1] >= 6));
}

/**
 * The keyspaces to offer: those configured (all by default) that the cluster serves. While the probe cannot tell
 * (etcd down), every configured one is offered, so the page can still say what is wrong in each.
 */
export function keyspaceSupport(configured: readonly Keyspace[] | undefined, probe: KeyspaceProbe): KeyspaceSupport {
  const wanted = configured ?? KEYSPACES;
  const version = probe.versions?.etcdserver;
  const v2Served = !v2Removed(probe.versions) && probe.v2 !== "off";
  const offered = KEYSPACES.filter((keyspace) => wanted.includes(keyspace) && (keyspace === "v3" || v2Served));
  // A configuration of v2 alone on a cluster without it still shows v2, which then says why it cannot be read.
  const shown = offered.length > 0 ? offered : [...wanted];
  const v2Absence: V2Absence | undefined = shown.includes("v2")
    ? undefined
    : !wanted.includes("v2")
      ? "configured"
      : v2Removed(probe.versions)
        ? "removed"
        : "disabled";
  return {
    offered: shown,
    default: shown.includes("v2") ? "v2" : "v3",
    ...(v2Absence ? { v2Absence } : {}),
    ...(version ? { version } : {}),
  };
}
