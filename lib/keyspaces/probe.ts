// What a cluster serves, asked of etcd itself: /version (no v2 needed, no auth) and /v2/members (cheap; etcd
// without --enable-v2 answers every /v2 path with a plain-text 404, which the v2 client reports as
// "v2-disabled"). Kept a while per cluster and shared by concurrent callers, so opening the Keys page in many
// tabs asks etcd once.
import "server-only";
import { isEtcdError, type EtcdClient } from "@/lib/etcd";
import type { KeyspaceProbe } from "./support";

/** How long an answer is kept: what a cluster serves changes only with a restart of its members. */
const KNOWN_FOR_MS = 30_000;
/** An answer that could not tell (etcd unreachable) is asked again sooner. */
const UNKNOWN_FOR_MS = 2_000;

interface Entry {
  at: number;
  ttl: number;
  probe: Promise<KeyspaceProbe>;
}

const probes = new Map<string, Entry>();

export async function probeKeyspaces(client: EtcdClient, signal?: AbortSignal): Promise<KeyspaceProbe> {
  const [versions, v2] = await Promise.all([
    client.cluster.version(signal).catch(() => undefined),
    client.cluster.members(signal).then(
      () => "on" as const,
      (error: unknown) => (isEtcdError(error) && error.kind === "v2-disabled" ? ("off" as const) : ("unknown" as const)),
    ),
  ]);
  return { ...(versions ? { versions } : {}), v2 };
}

/** The cluster's probe, from the last KNOWN_FOR_MS (UNKNOWN_FOR_MS while etcd could not tell) or asked now. */
export function cachedKeyspaceProbe(cluster: string, client: EtcdClient, now = Date.now()): Promise<KeyspaceProbe> {
  const entry = probes.get(cluster);
  if (entry && now - entry.at < entry.ttl) return entry.probe;
  // Not tied to one request's signal: other callers share the answer.
  const fresh: Entry = { at: now, ttl: KNOWN_FOR_MS, probe: probeKeyspaces(client) };
  probes.set(cluster, fresh);
  void fresh.probe.then((probe) => {
    if (probe.v2 === "unknown" || !probe.versions) fresh.ttl = UNKNOWN_FOR_MS;
  });
  return fresh.probe;
}
