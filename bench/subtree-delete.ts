// The directory Delete dialog's work at scale: a directory of `count` keys deleted through the dashboard
// (POST …/bulk-delete with the directory as its one item, as the dialog sends it), key by key by
// compare-and-delete, never recursive. Measures from the request to the last line, and checks that the
// directory is gone.
import { fill } from "./fill";

export interface SubtreeDeleteResult {
  seconds: number;
  deletedKeys: number;
  outcome: string;
  keysPerSecond: number;
}

export async function subtreeDelete(opts: { etcdURL: string; dashboardURL: string; dir: string; count: number }): Promise<SubtreeDeleteResult> {
  const { etcdURL, dashboardURL, dir, count } = opts;
  await fill(etcdURL, dir, count);
  const read = await fetch(`${etcdURL}/v2/keys${dir}?quorum=true`);
  const node = ((await read.json()) as { node: { modifiedIndex: number } }).node;
  const seenAt = Number(read.headers.get("x-etcd-index"));
  const started = performance.now();
  const response = await fetch(`${dashboardURL}/api/clusters/default/bulk-delete`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ items: [{ key: dir, prevIndex: node.modifiedIndex, dir: true, seenAt }] }),
  });
  if (!response.ok) throw new Error(`bulk-delete answered ${response.status}: ${await response.text()}`);
  const lines = (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; key?: string; outcome?: string; deletedKeys?: number });
  const seconds = (performance.now() - started) / 1000;
  const item = lines.find((line) => line.type === "item" && line.key === dir);
  if (!item) throw new Error(`no outcome for ${dir}: ${JSON.stringify(lines.slice(-3))}`);
  const after = await fetch(`${etcdURL}/v2/keys${dir}`);
  if (item.outcome === "deleted" && after.status !== 404) throw new Error(`${dir} still exists after a "deleted" outcome`);
  const deletedKeys = item.deletedKeys ?? 0;
  return { seconds, deletedKeys, outcome: item.outcome ?? "?", keysPerSecond: deletedKeys / seconds };
}
