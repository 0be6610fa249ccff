// The /v2/keys operations. Values travel as form bodies; every other parameter in the query string,
// because etcd ignores DELETE bodies (a compare-and-delete in the body is an unconditional delete).
import "server-only";
import { decodeKeysResponse, type KeysResult } from "./decode";
import { EtcdError, isEtcdError } from "./errors";
import { ROOT_KEY, encodeKeyPath, type KeyPath } from "./key-path";
import { ReadCoalescer } from "./read-coalescer";
import type { EtcdResponse, EtcdTransport } from "./transport";

/** etcd accepts form bodies up to 10 MiB after encoding (larger ones: 210 "http: POST too large"). */
export const MAX_FORM_BODY_BYTES = 10 * 1024 * 1024;

export interface GetOptions {
  recursive?: boolean;
  sorted?: boolean;
  /** Linearizable read through raft: never stale, costs a raft round trip. */
  quorum?: boolean;
  signal?: AbortSignal;
}

export interface PutOptions {
  /** The value of a key. Absent with `dir` or `refresh`. */
  value?: string;
  /** Create a directory instead of a key. */
  dir?: boolean;
  /** Seconds to live; `null` removes the TTL; absent sends no ttl (etcd then drops any TTL). */
  ttl?: number | null;
  /** Renew the TTL without changing the value and without firing watchers (needs `ttl`). */
  refresh?: boolean;
  /** true: the key must exist (update); false: it must not (create). */
  prevExist?: boolean;
  /** Compare-and-swap: the current value must equal this. */
  prevValue?: string;
  /** Compare-and-swap: the current modifiedIndex must equal this. */
  prevIndex?: number;
  signal?: AbortSignal;
}

export interface DeleteOptions {
  /** Delete a directory (it must be empty unless `recursive`). */
  dir?: boolean;
  recursive?: boolean;
  /** Compare-and-delete on the value. */
  prevValue?: string;
  /** Compare-and-delete on the modifiedIndex. */
  prevIndex?: number;
  signal?: AbortSignal;
}

/**
 * Decodes a write's response. etcd's 300 "request timed out" on a write does not mean it failed: the
 * proposal may still commit, so the outcome is reported as unknown.
 */
export function decodeWriteResponse(res: EtcdResponse): KeysResult {
  try {
    return decodeKeysResponse(res);
  } catch (error) {
    if (isEtcdError(error, "raft-error")) throw error.asOutcomeUnknown();
    throw error;
  }
}

function keysPath(key: KeyPath): string {
  return "/v2/keys" + encodeKeyPath(key);
}

function invalid(message: string): EtcdError {
  return new EtcdError("invalid-request", message);
}

function checkTtl(ttl: number | null | undefined): void {
  if (ttl === undefined || ttl === null) return;
  if (!Number.isSafeInteger(ttl) || ttl < 0) throw invalid("ttl must be a whole number of seconds, 0 or more.");
}

function checkPrevIndex(prevIndex: number | undefined): void {
  if (prevIndex === undefined) return;
  // etcd treats prevIndex=0 as "not set", which would silently turn a CAS into a plain set.
  if (!Number.isSafeInteger(prevIndex) || prevIndex < 1) throw invalid("prevIndex must be a whole number, 1 or more.");
}

/**
 * Length of `value=<value>` once application/x-www-form-urlencoded, as URLSearchParams encodes it,
 * counted without building the (up to 10 MiB) string a second time.
 */
export function formEncodedLength(value: string): number {
  let length = "value=".length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x20) {
      length += 1; // kept as is; a space becomes "+"
    } else if (c < 0x80) {
      length += 3;
    } else if (c < 0x800) {
      length += 6;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
      length += 12; // a surrogate pair: 4 UTF-8 bytes
      i += 1;
    } else {
      length += 9; // 3 UTF-8 bytes (a lone surrogate becomes U+FFFD, also 3)
    }
  }
  return length;
}

function checkFormSize(value: string): void {
  const encoded = formEncodedLength(value);
  if (encoded > MAX_FORM_BODY_BYTES) {
    throw invalid(`The value is too large: etcd accepts at most 10 MiB once form-encoded (this one is ${encoded} bytes).`);
  }
}

/** Checks a PUT's options the way etcd would, but before anything is sent. */
export function validatePut(key: KeyPath, options: PutOptions): void {
  if (key === ROOT_KEY) throw new EtcdError("root-read-only", "The root directory is read-only.");
  checkTtl(options.ttl);
  checkPrevIndex(options.prevIndex);
  if (options.prevValue === "") throw invalid("prevValue cannot be empty.");
  if (options.dir && options.value !== undefined) throw invalid("A directory has no value.");
  if (options.refresh) {
    if (typeof options.ttl !== "number") throw invalid("A TTL refresh needs a ttl.");
    if (options.value !== undefined && options.value !== "") throw invalid("A TTL refresh cannot change the value.");
  }
  if (options.prevExist === false && (options.prevValue !== undefined || options.prevIndex !== undefined)) {
    // etcd would silently ignore prevValue/prevIndex on a create.
    throw invalid("prevExist=false (create) cannot be combined with prevValue or prevIndex.");
  }
  if (options.value !== undefined) checkFormSize(options.value);
}

/**
 * Whether sending this PUT twice leaves etcd as sending it once did, so that a write whose outcome is
 * unknown may be retried on another member. Creates and compare-and-swaps are not: the retry would
 * report "exists" / "compare failed" for the first attempt's own write.
 */
export function isIdempotentPut(options: PutOptions): boolean {
  if (options.prevExist === false) return false;
  if (options.prevValue !== undefined || options.prevIndex !== undefined) return false;
  if (options.dir && options.prevExist !== true) return false;
  return true;
}

export class KeysApi {
  private readonly reads = new ReadCoalescer<KeysResult>();

  constructor(private readonly transport: EtcdTransport) {}

  /** A key, or a directory with its children (one level unless recursive). */
  async get(key: KeyPath, options: GetOptions = {}): Promise<KeysResult> {
    const path = keysPath(key);
    const query = { recursive: options.recursive || undefined, sorted: options.sorted || undefined };
    if (options.quorum) {
      const res = await this.transport.request({ method: "GET", path, query: { ...query, quorum: true }, idempotent: true, signal: options.signal });
      return decodeKeysResponse(res);
    }
    // Identical ordinary reads in flight share one request (read-coalescer.ts says why that is safe).
    const read = async () => decodeKeysResponse(await this.transport.request({ method: "GET", path, query, idempotent: true }));
    return this.reads.run(`${path}?${query.recursive ? "r" : ""}${query.sorted ? "s" : ""}`, this.transport.writeEpoch, read, options.signal);
  }

  /**
   * etcd's current store index, cheaply: a read of a hidden child of `under` that nobody writes
   * answers 404 (or "not a directory") with X-Etcd-Index, without listing anything, and needs no more
   * permission than reading `under`. Watches start right after it, so no event is missed.
   */
  async currentIndex(under: KeyPath, signal?: AbortSignal): Promise<number> {
    const probe = (under === ROOT_KEY ? "" : encodeKeyPath(under)) + "/_etcd-dashboard-index-probe";
    const res = await this.transport.request({ method: "GET", path: "/v2/keys" + probe, idempotent: true, signal });
    if (res.etcdIndex && res.status !== 401 && res.status < 500) return res.etcdIndex;
    decodeKeysResponse(res); // throws the typed error etcd answered with
    throw new EtcdError("protocol", `etcd answered HTTP ${res.status} without an X-Etcd-Index header.`);
  }

  /** The general PUT: set, create, update, compare-and-swap, TTL set / refresh / removal, mkdir. */
  async put(key: KeyPath, options: PutOptions): Promise<KeysResult> {
    validatePut(key, options);
    if (options.dir && options.prevExist === true) {
      // etcd turns `PUT ?dir=true&prevExist=true` on a *file* into "set its value to ''": check first.
      const current = await this.get(key, { signal: options.signal });
      if (!current.node?.dir) {
        throw new EtcdError("not-a-directory", `${key} is a key, not a directory.`, { index: current.etcdIndex });
      }
    }
    const res = await this.transport.request({
      method: "PUT",
      path: keysPath(key),
      query: {
        dir: options.dir || undefined,
        ttl: options.ttl === null ? "" : options.ttl,
        refresh: options.refresh || undefined,
        prevExist: options.prevExist,
        prevValue: options.prevValue,
        prevIndex: options.prevIndex,
      },
      form: options.value !== undefined ? { value: options.value } : undefined,
      idempotent: isIdempotentPut(options),
      signal: options.signal,
    });
    return decodeWriteResponse(res);
  }

  set(key: KeyPath, value: string, options: { ttl?: number | null; signal?: AbortSignal } = {}) {
    return this.put(key, { value, ...options });
  }

  /** Fails with "key-exists" when the key is there already. */
  create(key: KeyPath, value: string, options: { ttl?: number | null; signal?: AbortSignal } = {}) {
    return this.put(key, { value, prevExist: false, ...options });
  }

  /** Fails with "key-not-found" when the key is missing. */
  update(key: KeyPath, value: string, options: { ttl?: number | null; signal?: AbortSignal } = {}) {
    return this.put(key, { value, prevExist: true, ...options });
  }

  compareAndSwap(
    key: KeyPath,
    value: string,
    compare: { prevValue?: string; prevIndex?: number },
    options: { ttl?: number | null; signal?: AbortSignal } = {},
  ) {
    if (compare.prevValue === undefined && compare.prevIndex === undefined) {
      throw invalid("compare-and-swap needs prevValue or prevIndex.");
    }
    return this.put(key, { value, ...compare, ...options });
  }

  /** Renews a key's or directory's TTL; the value stays and watchers are not notified. */
  refreshTtl(key: KeyPath, ttl: number, options: { signal?: AbortSignal } = {}) {
    return this.put(key, { ttl, refresh: true, prevExist: true, ...options });
  }

  /** Makes a directory permanent, or a key permanent when given the value it must keep. */
  removeTtl(key: KeyPath, target: { dir: true } | { value: string; prevIndex?: number }, options: { signal?: AbortSignal } = {}) {
    if ("dir" in target) return this.put(key, { dir: true, ttl: null, prevExist: true, ...options });
    return this.put(key, { value: target.value, prevIndex: target.prevIndex, ttl: null, prevExist: true, ...options });
  }

  mkdir(key: KeyPath, options: { ttl?: number | null; signal?: AbortSignal } = {}) {
    return this.put(key, { dir: true, prevExist: false, ...options });
  }

  /** In-order key: etcd names it after the new index, zero-padded to 20 digits. Never retried elsewhere. */
  async createInOrder(dir: KeyPath, value: string, options: { ttl?: number | null; signal?: AbortSignal } = {}) {
    checkTtl(options.ttl);
    checkFormSize(value);
    const res = await this.transport.request({
      method: "POST",
      path: keysPath(dir),
      query: { ttl: options.ttl === null ? undefined : options.ttl },
      form: { value },
      idempotent: false,
      signal: options.signal,
    });
    return decodeWriteResponse(res);
  }

  /** Delete, compare-and-delete, or delete a directory (empty, or recursive). Never retried elsewhere. */
  async delete(key: KeyPath, options: DeleteOptions = {}): Promise<KeysResult> {
    if (key === ROOT_KEY) throw new EtcdError("root-read-only", "The root directory is read-only.");
    checkPrevIndex(options.prevIndex);
    if (options.prevValue === "") throw invalid("prevValue cannot be empty.");
    const res = await this.transport.request({
      method: "DELETE",
      path: keysPath(key),
      query: {
        dir: options.dir || undefined,
        recursive: options.recursive || undefined,
        prevValue: options.prevValue,
        prevIndex: options.prevIndex,
      },
      idempotent: false,
      signal: options.signal,
    });
    return decodeWriteResponse(res);
  }
}
