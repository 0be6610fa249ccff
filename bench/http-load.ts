// A small keep-alive HTTP load generator: latency percentiles and throughput, the same client for
// direct etcd and for the dashboard so the comparison is fair.
import http from "node:http";

export interface LatencyStats {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samplesMs: number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), mean };
}

export function makeAgent(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections });
}

/** One GET; resolves with the elapsed ms and the body size (and the body with `keepBody`), rejects on a non-2xx status. */
export function timedGet(url: string, agent: http.Agent, options: { keepBody?: boolean } = {}): Promise<{ ms: number; bytes: number; body?: Buffer }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.keepBody) chunks.push(chunk);
        });
        res.on("end", () => {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`GET ${url} answered ${res.statusCode}`));
          else resolve({ ms, bytes, ...(options.keepBody ? { body: Buffer.concat(chunks) } : {}) });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** The elapsed ms of one call. */
async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Sequential calls (HTTP requests, gRPC calls): latency of one at a time, after `warmup` unmeasured ones. */
export async function latencyOf(call: () => Promise<unknown>, requests: number, warmup = 100): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await timed(call));
  return summarize(samples);
}

/** `concurrency` loops of calls for `durationMs`: calls per second. */
export async function throughputOf(call: () => Promise<unknown>, concurrency: number, durationMs: number): Promise<number> {
  const deadline = Date.now() + durationMs;
  let done = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await call();
        done += 1;
      }
    }),
  );
  return done / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Sequential requests on one keep-alive connection: latency of one request at a time. */
export async function latency(url: string, requests: number, warmup = 100): Promise<LatencyStats> {
  const agent = makeAgent(1);
  try {
    return await latencyOf(() => timedGet(url, agent), requests, warmup);
  } finally {
    agent.destroy();
  }
}

/** `connections` concurrent keep-alive loops for `durationMs`: requests per second. */
export async function throughput(url: string, connections: number, durationMs: number): Promise<number> {
  const agent = makeAgent(connections);
  try {
    return await throughputOf(() => timedGet(url, agent), connections, durationMs);
  } finally {
    agent.destroy();
  }
}
