// Writing many keys straight to etcd for the browser tests, a bounded number at a time.
import type { DirectEtcd } from "./fixtures";

/** PUTs every [key, value] with at most `concurrency` requests in flight; throws on the first failure. */
export async function putMany(etcd: DirectEtcd, entries: readonly (readonly [string, string])[], concurrency = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [key, value] = entries[next++]!;
      const answer = await etcd.put(key, value);
      if (answer.status !== 200 && answer.status !== 201) throw new Error(`etcd PUT ${key}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
}
