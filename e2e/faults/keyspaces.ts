// What the fault suite's load does differently in each keyspace, behind one shape: a read, the chain of
// guarded writes (create if absent, then compare-and-swap on the last index or mod revision), and the watch
// stream's URL and ids. The loops, the records and the verdicts (load.ts, lib/testing/fault-verdict.ts) are
// shared: a "position" is etcd's index on v2 and the revision on v3.
import { encodeKeyParam } from "../../lib/keyspace3/key-url";
import { encodeKey } from "../../lib/testing/etcd-direct";
import { watchEventData3Schema } from "../../lib/watch3/protocol";
import type { Answer, DashboardApi } from "./load";

export type KeyspaceName = "v2" | "v3";

export interface Keyspace {
  name: KeyspaceName;
  /** Reads a key through the dashboard: ok when etcd answered (a missing key is an answer too). */
  read(api: DashboardApi, key: string): Promise<Answer & { ok: boolean }>;
  /** Where a key's chain stands, read through quorum: its position, null when absent, undefined without an answer. */
  current(api: DashboardApi, key: string): Promise<number | null | undefined>;
  /** Creates the key if absent (`prev` null) or swaps it if its position is still `prev`; the position written. */
  write(api: DashboardApi, key: string, value: string, prev: number | null): Promise<Answer & { position?: number }>;
  /** A watch of every key below `prefix` (from position `from` on, when given). */
  watchUrl(api: DashboardApi, prefix: string, from?: number): string;
  /** The position an SSE id names. */
  positionOf(id: string): number;
  /** Last-Event-ID for a reconnect, from the highest position and the last id received. */
  resumeId(position: number, lastId: string): string;
  /** Why an event frame's data does not match its id (undefined when it does). */
  checkEvent(id: number, data: string | undefined): string | undefined;
}

const missingKey = (answer: Answer) => answer.status === 404 && answer.body?.error?.code === "key_not_found";

export const v2Keyspace: Keyspace = {
  name: "v2",
  async read(api, key) {
    const answer = await api.get(key);
    return { ...answer, ok: answer.status === 200 || missingKey(answer) };
  },
  async current(api, key) {
    const answer = await api.get(key, "?quorum=true");
    if (answer.status === 200) return answer.body.node.modifiedIndex;
    return answer.body?.error?.code === "key_not_found" ? null : undefined;
  },
  async write(api, key, value, prev) {
    const answer = await api.put(key, prev === null ? { value, prevExist: false } : { value, prevIndex: prev });
    return answer.status === 200 || answer.status === 201 ? { ...answer, position: answer.body.node.modifiedIndex } : answer;
  },
  watchUrl: (api, prefix) => `${api.baseUrl}/api/clusters/${api.cluster}/watch${encodeKey(prefix)}?recursive=true`,
  positionOf: Number,
  resumeId: (position) => String(position),
  checkEvent: () => undefined,
};

export const v3Keyspace: Keyspace = {
  name: "v3",
  async read(api, key) {
    const answer = await api.getV3(key);
    return { ...answer, ok: answer.status === 200 || missingKey(answer) };
  },
  async current(api, key) {
    // A v3 read through the dashboard is linearizable (a Range without `serializable`, etcd-v3-api.md §0.13).
    const answer = await api.getV3(key);
    if (answer.status === 200) return Number(answer.body.modRevision);
    return missingKey(answer) ? null : undefined;
  },
  async write(api, key, value, prev) {
    const answer = await api.putV3(key, prev === null ? { text: value, create: true } : { text: value, modRevision: String(prev) });
    return answer.status === 200 || answer.status === 201 ? { ...answer, position: Number(answer.body.revision) } : answer;
  },
  watchUrl: (api, prefix, from) =>
    `${api.baseUrl}/api/clusters/${api.cluster}/v3/watch?key=${encodeKeyParam(new TextEncoder().encode(`${prefix}/`))}&prefix=true${from === undefined ? "" : `&fromRevision=${from}`}`,
  // `R.n` is the n-th event inside revision R (lib/watch3/protocol.ts); the load writes one key per revision.
  positionOf: (id) => Number(id.split(".")[0]),
  // The id as sent: `R.n` resumes inside revision R, `R` after it.
  resumeId: (_position, lastId) => lastId,
  checkEvent(id, data) {
    const parsed = watchEventData3Schema.safeParse(JSON.parse(data ?? "null"));
    if (!parsed.success) return `event ${id}: data is not a v3 event: ${data}`;
    return parsed.data.modRevision === id ? undefined : `event ${id}: its modRevision is ${parsed.data.modRevision}`;
  },
};

export const keyspaces: Record<KeyspaceName, Keyspace> = { v2: v2Keyspace, v3: v3Keyspace };
