// Steady load on the dashboard's API while etcd members fail: readers, compare-and-swap writers and watch
// subscribers, each recording exactly what the dashboard answered. Nothing here talks to etcd: the
// verdicts compare these records with etcd's own history (etcd-witness.ts, lib/testing/fault-verdict.ts).
import { SseParser } from "../../lib/watch/sse";
import type { ReceivedItem, WriteRecord } from "../../lib/testing/fault-verdict";
import { encodeKey, sleep } from "../../lib/testing/etcd-direct";
import { encodeKeyParam } from "../../lib/keyspace3/key-url";
import { v2Keyspace, type Keyspace } from "./keyspaces";

export interface ReadRecord {
  startedAt: number;
  ms: number;
  ok: boolean;
  status?: number;
  code?: string;
  message?: string;
}

/** One answer of the dashboard: the HTTP status and the JSON body, or the reason there was none. */
export interface Answer {
  status?: number;
  body?: any;
  error?: string;
}

async function call(url: string, init: RequestInit = {}, timeoutMs = 30_000): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

export class DashboardApi {
  constructor(
    readonly baseUrl: string,
    readonly cluster: string,
  ) {}

  keyUrl(key: string, query = ""): string {
    return `${this.baseUrl}/api/clusters/${this.cluster}/keys${encodeKey(key)}${query}`;
  }

  get(key: string, query = ""): Promise<Answer> {
    return call(this.keyUrl(key, query));
  }

  put(key: string, body: Record<string, unknown>): Promise<Answer> {
    return call(this.keyUrl(key), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  v3KeyUrl(key: string): string {
    return `${this.baseUrl}/api/clusters/${this.cluster}/v3/keys?key=${encodeKeyParam(new TextEncoder().encode(key))}`;
  }

  getV3(key: string): Promise<Answer> {
    return call(this.v3KeyUrl(key));
  }

  putV3(key: string, body: Record<string, unknown>): Promise<Answer> {
    return call(this.v3KeyUrl(key), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  overview(): Promise<Answer> {
    return call(`${this.baseUrl}/api/clusters/${this.cluster}/overview`);
  }
}

export interface LoadOptions {
  prefix: string;
  /** The keyspace the load reads, writes and watches (v2 by default). */
  keyspace?: Keyspace;
  readers?: number;
  writers?: number;
  subscribers?: number;
  /** Pause of each writer between writes (keeps a phase inside etcd's 1000-event history). */
  writePauseMs?: number;
  /** Writers stop after this many writes in all. */
  maxWrites?: number;
}

export interface Subscriber {
  /** Position (v2 index, v3 revision) of the first ready frame: the subscriber is owed every event after it. */
  readyIndex?: number;
  /** Highest position accounted for (events, progress, ready, resync). */
  position: number;
  /** The id of the last frame that had one (v3 resumes from `R.n` exactly). */
  lastId: string;
  items: ReceivedItem[];
  /** When each event arrived (performance.now()), by index. */
  receivedAt: Map<number, number>;
  /** Connections opened after the first (as EventSource does, with Last-Event-ID). */
  reconnects: number;
  /** `status: retrying` frames: the dashboard saying etcd cannot be reached. */
  retryingFrames: number;
  failures: string[];
}

export interface LoadResult {
  reads: ReadRecord[];
  writes: WriteRecord[];
  subscribers: Subscriber[];
}

/** Starts readers, writers and subscribers below `prefix`; `stop()` ends readers and writers. */
export async function startLoad(api: DashboardApi, options: LoadOptions) {
  const { prefix, keyspace = v2Keyspace, readers = 4, writers = 3, subscribers = 4, writePauseMs = 15, maxWrites = 600 } = options;
  let running = true;
  const reads: ReadRecord[] = [];
  const writes: WriteRecord[] = [];
  const streams = await Promise.all(Array.from({ length: subscribers }, () => subscribe(api, prefix, { keyspace })));

  const readLoop = async (n: number) => {
    while (running) {
      const key = n % 2 === 0 ? `${prefix}/stable` : `${prefix}/w${n % writers}`;
      const startedAt = performance.now();
      const answer = await keyspace.read(api, key);
      const ok = answer.ok;
      reads.push({ startedAt, ms: performance.now() - startedAt, ok, status: answer.status, code: answer.body?.error?.code ?? answer.error, message: answer.body?.error?.message });
      if (!ok) await sleep(20); // a failing dashboard is not hammered in a tight loop
    }
  };

  const writeLoop = async (n: number) => {
    const key = `${prefix}/w${n}`;
    // The position the key was last written at; null: absent; undefined: not known (read it first).
    let prev: number | null | undefined;
    for (let i = 0; running && writes.length < maxWrites; i++) {
      if (prev === undefined) {
        // Where the chain stands now: a quorum read, so an earlier unknown write that landed is seen.
        prev = await keyspace.current(api, key);
        if (prev === undefined) {
          await sleep(50);
          continue;
        }
      }
      const value = `w${n}-${i}`;
      const answer = await keyspace.write(api, key, value, prev);
      const record: WriteRecord = { key, value, outcome: "failed", status: answer.status, code: answer.body?.error?.code ?? answer.error };
      if (answer.position !== undefined) {
        record.outcome = "acknowledged";
        record.index = answer.position;
        record.ackedAt = performance.now();
        prev = record.index;
      } else {
        // No answer from the dashboard, or one saying the outcome is unknown: either may have landed.
        if (answer.status === undefined || answer.body?.error?.outcomeUnknown === true) record.outcome = "unknown";
        prev = undefined;
      }
      writes.push(record);
      await sleep(writePauseMs);
    }
  };

  const loops = [...Array.from({ length: readers }, (_, n) => readLoop(n)), ...Array.from({ length: writers }, (_, n) => writeLoop(n))];
  return {
    streams,
    reads,
    writes,
    /** Stops readers and writers (subscribers go on until `close()`). */
    async stop(): Promise<void> {
      running = false;
      await Promise.all(loops);
    },
    close(): void {
      for (const stream of streams) stream.close();
    },
    result(): LoadResult {
      return { reads, writes, subscribers: streams.map((s) => s.state) };
    },
  };
}

export interface SubscriberStream {
  state: Subscriber;
  /** True once the dashboard has said where the stream starts (its first ready frame); false after `timeoutMs`. */
  ready(timeoutMs: number): Promise<boolean>;
  /** Resolves once the subscriber has accounted for `index`; false after `timeoutMs`. */
  reached(index: number, timeoutMs: number): Promise<boolean>;
  close(): void;
}

/**
 * A recursive watch of `prefix` through the dashboard, read the way EventSource reads it: after a lost
 * connection it reconnects with Last-Event-ID; after a `failure` frame or a refused stream it opens a new
 * one from the last index it saw.
 */
export async function subscribe(
  api: DashboardApi,
  prefix: string,
  { waitReadyMs = 15_000, keyspace = v2Keyspace, from }: { waitReadyMs?: number; keyspace?: Keyspace; from?: number } = {},
): Promise<SubscriberStream> {
  const state: Subscriber = { position: 0, lastId: "", items: [], receivedAt: new Map(), reconnects: 0, retryingFrames: 0, failures: [] };
  const controller = new AbortController();
  let connected = 0;
  let firstReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (firstReady = resolve));

  const url = keyspace.watchUrl(api, prefix, from);
  void (async () => {
    while (!controller.signal.aborted) {
      if (connected++ > 0) state.reconnects += 1;
      try {
        const headers: Record<string, string> = { accept: "text/event-stream" };
        if (state.readyIndex !== undefined) headers["last-event-id"] = keyspace.resumeId(state.position, state.lastId);
        const response = await fetch(url, { headers, signal: controller.signal });
        if (!response.ok || !response.body) {
          state.failures.push(`HTTP ${response.status}`);
          await response.body?.cancel();
        } else {
          const parser = new SseParser();
          const decoder = new TextDecoder();
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            for (const frame of parser.push(decoder.decode(chunk, { stream: true }))) {
              const index = frame.id === undefined ? undefined : keyspace.positionOf(frame.id);
              if (frame.event === "ready") {
                state.readyIndex ??= index;
                firstReady();
              } else if (frame.event === "resync") state.items.push({ type: "resync", etcdIndex: index! });
              else if (frame.event === "status") {
                if (JSON.parse(frame.data ?? "{}").state === "retrying") state.retryingFrames += 1;
              } else if (frame.event === "failure") state.failures.push(frame.data ?? "");
              else if (frame.event !== undefined) {
                const wrong = keyspace.checkEvent(index!, frame.data);
                if (wrong) state.failures.push(wrong);
                state.items.push({ type: "event", index: index! });
                state.receivedAt.set(index!, performance.now());
              }
              if (index !== undefined && state.readyIndex !== undefined) {
                state.position = Math.max(state.position, index);
                state.lastId = frame.id!;
              }
            }
          }
        }
      } catch {
        // the connection broke (or close() aborted it): reconnect like EventSource
      }
      if (!controller.signal.aborted) await sleep(200);
    }
  })();
  // A subscriber counts once the dashboard has said where it starts (etcd may be down for a while).
  await Promise.race([ready, sleep(waitReadyMs)]);
  return {
    state,
    ready: (timeoutMs) => Promise.race([ready.then(() => true), sleep(timeoutMs).then(() => false)]),
    async reached(index, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (state.position < index) {
        if (performance.now() > deadline) return false;
        await sleep(50);
      }
      return true;
    },
    close: () => controller.abort(),
  };
}
