// The fault suite's witness on v3: etcd's own history of a phase's prefix, read straight from a healthy member
// with a watch from a revision (never through the dashboard). A compaction in the middle of a phase would hide
// the history before it, so a phase can record what it has so far first (`record`), then compact.
import { Etcd3Client, prefixEnd, type WatchResponseWire } from "../../lib/etcd3";
import type { HistoryEvent } from "../../lib/testing/fault-verdict";
import { healthyMember } from "./etcd-witness";

/** Watch replay is fast (etcd-v3-api.md §5), so this only bounds a witness that never hears its last event. */
const READ_LIMIT_MS = 15_000;

/** Runs `use` with a v3 client of the first healthy member, closed afterwards. */
async function withMember<T>(endpoints: readonly string[], use: (client: Etcd3Client) => Promise<T>): Promise<T> {
  const client = new Etcd3Client({ endpoints: [await healthyMember(endpoints)], readTimeoutMs: 5_000, writeTimeoutMs: 10_000 });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

/**
 * Every event below `prefix`/ from revision `from` up to and including `until`, which must be an event below
 * it (the loop ends on it). A watch from a revision replays history in order, deletes included (§5); a
 * compaction cancel (§6.4) means the history is gone: an error, never a shorter history.
 */
async function readHistory3(client: Etcd3Client, prefix: string, from: number, until: number): Promise<HistoryEvent[]> {
  const { call } = await client.watchStream();
  const key = Buffer.from(`${prefix}/`);
  const events: HistoryEvent[] = [];
  try {
    return await new Promise<HistoryEvent[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`etcd v3 history of ${prefix} from ${from}: no event ${until} after ${READ_LIMIT_MS} ms`)), READ_LIMIT_MS);
      call.on("error", (error) => reject(error)); // also the CANCELLED of call.cancel() below (§6.1): ignored once settled
      call.on("data", (message: WatchResponseWire) => {
        if (message.canceled) reject(new Error(`etcd v3 history of ${prefix} from ${from}: watch canceled (compacted at ${message.compact_revision}) ${message.cancel_reason}`));
        for (const event of message.events) {
          const revision = Number(event.kv.mod_revision);
          if (revision > until) continue;
          events.push({ index: revision, key: event.kv.key.toString(), value: event.type === "DELETE" ? undefined : event.kv.value.toString() });
          if (revision === until) {
            clearTimeout(timer);
            resolve(events);
          }
        }
      });
      call.write({ create_request: { key, range_end: prefixEnd(key), start_revision: String(from) } });
    });
  } finally {
    call.cancel();
  }
}

export interface PhaseHistory {
  history: HistoryEvent[];
  endIndex: number;
}

/**
 * The witness of one v3 phase: `start` writes `<prefix>/stable` straight to etcd (its revision is where the
 * phase begins); `record` writes a marker key and reads the history up to it; `close` writes `<prefix>/end` and
 * returns the whole history from the start to that key.
 */
export async function startWitness3(endpoints: () => readonly string[], prefix: string) {
  const seed = await withMember(endpoints(), (client) => client.put({ key: `${prefix}/stable`, value: "stable" }));
  const from = Number(seed.revision);
  const history: HistoryEvent[] = [];
  let next = from;
  let marks = 0;
  const readTo = (key: string) =>
    withMember(endpoints(), async (client) => {
      const until = Number((await client.put({ key: `${prefix}/${key}`, value: key })).revision);
      history.push(...(await readHistory3(client, prefix, next, until)));
      next = until + 1;
      return until;
    });
  return {
    from,
    /** Reads etcd's history so far (ending with a marker write): returns the marker's revision. */
    record: () => readTo(`mark${++marks}`),
    async close(): Promise<PhaseHistory> {
      const endIndex = await readTo("end");
      return { history, endIndex };
    },
  };
}

/** Compacts etcd's history at `revision`, straight on a healthy member (§3.4): watches from below it are canceled. */
export async function compact3(endpoints: readonly string[], revision: number): Promise<void> {
  await withMember(endpoints, (client) => client.compact(String(revision)));
}
