// An independent witness for etcd v3 tests: etcdctl (v3 by default) run as a process, so what a test
// checks does not go through the client under test.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function etcdctl(endpoint: string, args: string[], extra: string[] = [], maxBuffer?: number): Promise<string> {
  const { stdout } = await run("etcdctl", [`--endpoints=${endpoint}`, ...extra, ...args], { env: { ...process.env, ETCDCTL_API: "3" }, maxBuffer });
  return stdout;
}

export interface WitnessKv {
  key: Buffer;
  value: Buffer;
  create_revision: number;
  mod_revision: number;
  version: number;
  /** The lease as etcdctl's JSON gives it (a JS number: approximate above 2^53). */
  lease?: number;
}

/** The key as etcd has it (undefined when missing), read by etcdctl (`extra`: e.g. its TLS flags). */
export async function witness3(endpoint: string, key: string | Buffer, extra: string[] = []): Promise<WitnessKv | undefined> {
  const text = await etcdctl(endpoint, ["get", Buffer.isBuffer(key) ? key.toString("latin1") : key, "-w", "json"], extra);
  const json = JSON.parse(text) as { kvs?: (Omit<WitnessKv, "key" | "value"> & { key: string; value?: string })[] };
  const kv = json.kvs?.[0];
  return kv && decodeKv(kv);
}

function decodeKv(kv: Omit<WitnessKv, "key" | "value"> & { key: string; value?: string }): WitnessKv {
  return { ...kv, key: Buffer.from(kv.key, "base64"), value: Buffer.from(kv.value ?? "", "base64") };
}

/** Every key from `from` on (the whole keyspace with ""), read by etcdctl in one range, with its revision. */
export async function witnessFrom3(endpoint: string, from = ""): Promise<{ revision: number; kvs: WitnessKv[] }> {
  const text = await etcdctl(endpoint, ["get", from, "--from-key", "-w", "json"], [], 64 << 20);
  const json = JSON.parse(text) as { header: { revision: number }; kvs?: (Omit<WitnessKv, "key" | "value"> & { key: string; value?: string })[] };
  return { revision: json.header.revision, kvs: (json.kvs ?? []).map(decodeKv) };
}

/** A lease as `etcdctl lease timetolive` shows it (ids in hex, §0.2); undefined when it is gone. */
export async function witnessLease3(endpoint: string, id: string): Promise<{ ttl: number; grantedTtl: number } | undefined> {
  const text = await etcdctl(endpoint, ["lease", "timetolive", BigInt(id).toString(16)]);
  const m = /granted with TTL\((\d+)s\), remaining\((-?\d+)s\)/.exec(text);
  return m ? { grantedTtl: Number(m[1]), ttl: Number(m[2]) } : undefined;
}
