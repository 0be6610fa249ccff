// Helpers for the integration tests of lib/etcd: talk to etcd directly with the global fetch, so a test
// can check what the client did against an independent witness instead of against the client itself.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { EtcdError } from "@/lib/etcd/errors";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A key prefix no other test uses: one etcd is shared by every integration test file. */
export function uniquePrefix(label = "t"): string {
  return `/${label}-${randomUUID()}`;
}

/** Encodes a key the way etcd expects, segment by segment (independent of lib/etcd/key-path). */
export function encodeKey(key: string): string {
  return key
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

export interface DirectResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else undefined. */
  json: any;
  text: string;
  /** X-Etcd-Index, when present. */
  etcdIndex?: number;
}

async function toDirect(res: Response): Promise<DirectResponse> {
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const header = res.headers.get("x-etcd-index");
  return { status: res.status, headers: res.headers, json, text, etcdIndex: header === null ? undefined : Number(header) };
}

/**
 * GET from etcd directly. `encodedPath` is used as given (already percent-encoded, e.g. "/v2/keys/a%20b"),
 * so a test can spell out the exact bytes it expects etcd to understand.
 */
export async function directGet(base: string, encodedPath: string, query: Record<string, string> = {}): Promise<DirectResponse> {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${base}${encodedPath}${qs ? `?${qs}` : ""}`, { redirect: "manual", cache: "no-store" });
  return toDirect(res);
}

/** GET /v2/keys<key> directly, the key given in plain text and encoded here. */
export function directGetKey(base: string, key: string, query: Record<string, string> = {}): Promise<DirectResponse> {
  return directGet(base, "/v2/keys" + encodeKey(key), query);
}

/** PUT a value directly, as a form body (the only body etcd reads). */
export async function directSet(base: string, key: string, value: string, query: Record<string, string> = {}): Promise<DirectResponse> {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${base}/v2/keys${encodeKey(key)}${qs ? `?${qs}` : ""}`, {
    method: "PUT",
    body: new URLSearchParams({ value }),
    redirect: "manual",
  });
  return toDirect(res);
}

/**
 * Any request to etcd directly: a JSON body (the auth and members APIs) or a form value (keys), with
 * HTTP Basic credentials when given.
 */
export async function directRequest(
  base: string,
  method: string,
  encodedPath: string,
  opts: { json?: unknown; value?: string; auth?: readonly [user: string, password: string] } = {},
): Promise<DirectResponse> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.value !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams({ value: opts.value }).toString();
  }
  if (opts.auth) headers.authorization = `Basic ${Buffer.from(`${opts.auth[0]}:${opts.auth[1]}`, "utf8").toString("base64")}`;
  return toDirect(await fetch(`${base}${encodedPath}`, { method, headers, body, redirect: "manual" }));
}

/** etcd's current store index (X-Etcd-Index of a GET of the root). */
export async function currentIndex(base: string): Promise<number> {
  const res = await directGet(base, "/v2/keys/");
  if (res.etcdIndex === undefined) throw new Error("etcd sent no X-Etcd-Index");
  return res.etcdIndex;
}

/** /v2/stats/store of one member. */
export async function storeStats(base: string): Promise<Record<string, number>> {
  return (await directGet(base, "/v2/stats/store")).json;
}

/** Runs fn(0..count-1) with at most `concurrency` calls in flight. */
export async function runConcurrent<T>(count: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** Polls `check` until it returns true or the deadline passes; returns the last result. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5_000, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
}

/** The EtcdError a promise rejects with (fails the test when it resolves or throws something else). */
export async function etcdErrorOf(promise: Promise<unknown> | (() => unknown)): Promise<EtcdError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof EtcdError) return error;
    throw new Error(`expected an EtcdError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected an EtcdError, but the call succeeded");
}

/** The result of `promise` if it settles within `ms`, else the string "pending". */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | "pending"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"pending">((resolve) => {
    timer = setTimeout(() => resolve("pending"), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tears a test cluster down at once: SIGKILL every member, then the harness's stop() (which removes the
 * data dirs). A graceful stop of the leader sometimes waits 5 s trying to hand leadership to a follower
 * that has just stopped; test data is thrown away anyway.
 */
export async function stopClusterNow(cluster: { members: { kill(signal?: NodeJS.Signals): boolean }[]; stop(): Promise<void> }): Promise<void> {
  for (const member of cluster.members) member.kill("SIGKILL");
  await cluster.stop();
}

/** Whatever a test did to a cluster's members, the next one starts with every member running and healthy. */
export async function restoreCluster(cluster: { members: { frozen: boolean; running: boolean; thaw(): void; start(): Promise<unknown> }[]; waitHealthy(): Promise<unknown> }): Promise<void> {
  for (const member of cluster.members) {
    if (member.frozen) member.thaw();
    if (!member.running) await member.start();
  }
  await cluster.waitHealthy();
}

/**
 * Resolves once /proc says the process is stopped (state T). SIGSTOP lands when the kernel next
 * schedules the process: on a loaded machine a member "frozen" a moment ago may still answer a request.
 */
export async function untilStopped(pid: number, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("T")) return;
    await sleep(10);
  }
  throw new Error(`process ${pid} did not stop within ${timeoutMs} ms of SIGSTOP`);
}

/** Resolves once the process is gone (after a SIGKILL, the kernel reaps it a moment later). */
export async function untilGone(pid: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(10);
  }
  throw new Error(`process ${pid} still exists ${timeoutMs} ms after it was killed`);
}
