// The fault both watch layers are tested against: steady writes through the leader while the member a
// watch uses is SIGKILLed. Returns the acknowledged writes, index -> key.
import type { EtcdClient } from "@/lib/etcd";
import { parseKey } from "@/lib/etcd/key-path";
import { sleep } from "./etcd-direct";

export async function writeWhileKilling(
  writer: EtcdClient,
  prefix: string,
  victim: { kill(signal?: NodeJS.Signals): boolean },
  { count = 50, killAt = 15 } = {},
): Promise<Map<number, string>> {
  const acked = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    if (i === killAt && !victim.kill("SIGKILL")) throw new Error("the member to kill was not running");
    try {
      const res = await writer.keys.set(parseKey(`${prefix}/k${i}`), `v${i}`);
      acked.set(res.node!.modifiedIndex!, `${prefix}/k${i}`);
    } catch {
      // not acknowledged: its event may come or not, but never twice
    }
    await sleep(10);
  }
  return acked;
}
