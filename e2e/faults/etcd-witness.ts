// The independent witness of the fault suite: etcd itself, asked directly (never through the dashboard or
// lib/etcd). Its event history says which writes landed and which events a watcher was owed.
import type { HistoryEvent } from "../../lib/testing/fault-verdict";
import type { PhaseHistory } from "./etcd-witness3";
import { directGet, directSet, encodeKey } from "../../lib/testing/etcd-direct";

/** The first member in `endpoints` that answers /health with 200. */
export async function healthyMember(endpoints: readonly string[]): Promise<string> {
  for (const endpoint of endpoints) {
    const ok = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return endpoint;
  }
  throw new Error(`no healthy etcd member among ${endpoints.join(", ")}`);
}

/**
 * Closes a phase: writes a last key below `prefix` straight to etcd and returns every event below `prefix`
 * from index `from` up to and including that one (one long poll per event: etcd hands back the first
 * event at or after waitIndex, and the closing event means the last poll never waits). Fails if etcd's
 * 1000-event history no longer reaches back to `from`: a phase must stay inside it.
 */
export async function closePhase(endpoint: string, prefix: string, from: number): Promise<{ history: HistoryEvent[]; endIndex: number }> {
  const end = await directSet(endpoint, `${prefix}/end`, "end");
  if (end.status !== 201 && end.status !== 200) throw new Error(`etcd refused the phase's closing write: HTTP ${end.status} ${end.text}`);
  const endIndex: number = end.json.node.modifiedIndex;
  const history: HistoryEvent[] = [];
  for (let next = from; next <= endIndex; ) {
    const answer = await directGet(endpoint, `/v2/keys${encodeKey(prefix)}`, { wait: "true", recursive: "true", waitIndex: String(next) });
    const body = answer.json;
    if (answer.status !== 200 || !body?.node) {
      throw new Error(`etcd history from ${next}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    }
    const index: number = body.node.modifiedIndex;
    history.push({ index, key: body.node.key, value: body.action === "delete" || body.action === "expire" ? undefined : body.node.value });
    next = index + 1;
  }
  return { history, endIndex };
}

/**
 * The witness of one v2 phase (the shape of etcd-witness3.ts's): `<prefix>/stable` written straight to etcd
 * starts it, `close` reads its history. v2 history is only read at the end, within etcd's 1000 events.
 */
export async function startWitness2(endpoints: () => readonly string[], prefix: string) {
  const seed = await directSet(await healthyMember(endpoints()), `${prefix}/stable`, "stable");
  const from: number = seed.json.node.modifiedIndex;
  return {
    from,
    record: (): Promise<number> => Promise.reject(new Error("a v2 phase reads its history at the end only")),
    close: async (): Promise<PhaseHistory> => closePhase(await healthyMember(endpoints()), prefix, from),
  };
}
