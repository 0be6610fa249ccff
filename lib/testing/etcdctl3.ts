// An independent witness for etcd v3 tests: etcdctl (v3 by default) run as a process, so what a test
// checks does not go through the client under test.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function etcdctl(endpoint: string, args: string[], extra: string[] = []): Promise<string> {
  const { stdout } = await run("etcdctl", [`--endpoints=${endpoint}`, ...extra, ...args], { env: { ...process.env, ETCDCTL_API: "3" } });
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

/** The key as etcd has it (undefined when missing), read by etcdctl. */
export async function witness3(endpoint: string, key: string | Buffer): Promise<WitnessKv | undefined> {
  const text = await etcdctl(endpoint, ["get", Buffer.isBuffer(key) ? key.toString("latin1") : key, "-w", "json"]);
  const json = JSON.parse(text) as { kvs?: (Omit<WitnessKv, "key" | "value"> & { key: string; value?: string })[] };
  const kv = json.kvs?.[0];
  if (!kv) return undefined;
  return { ...kv, key: Buffer.from(kv.key, "base64"), value: Buffer.from(kv.value ?? "", "base64") };
}
