// The bench's v3 data: `count` keys under a prefix, written straight to etcd over gRPC, the same names and
// values as the v2 fill (fill.ts). etcd 3.4 keeps the v2 and v3 keyspaces apart, so `/bench/ten/k000000` exists
// once in each.
import type { Etcd3Client } from "../lib/etcd3/client";
import { benchKeyName, benchValue } from "./fill";

/** etcd's --max-txn-ops default: at most 128 puts in one Txn's success branch (etcd-v3-api.md §3.3). */
export const MAX_TXN_PUTS = 128;
const IN_FLIGHT = 4;

/** Writes `count` keys `${prefix}k000000`… (prefix ending with "/"), MAX_TXN_PUTS to a Txn, a few Txns in flight. */
export async function fill3(client: Etcd3Client, prefix: string, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const first = next;
        next = Math.min(count, first + MAX_TXN_PUTS);
        const puts = Array.from({ length: next - first }, (_, j) => ({ put: { key: prefix + benchKeyName(first + j), value: benchValue(first + j) } }));
        await client.txn({ success: puts });
      }
    }),
  );
}

/** How many keys start with `prefix` (a count-only Range: etcd returns no key). */
export async function countPrefix3(client: Etcd3Client, prefix: string): Promise<number> {
  return Number((await client.range({ key: prefix, prefix: true, countOnly: true })).count);
}
