// Vitest globalSetup for the integration project: one real etcd (v2 enabled) for the whole run,
// started through the shared harness. Tests read its URL with `inject("etcdURL")` and should use
// their own key prefix, since test files share it (they run one file at a time).
import type { TestProject } from "vitest/node";
import { ensureEtcdInstalled, startEtcd } from "../../scripts/lib/etcd-harness.mjs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureEtcdInstalled();
  const etcd = await startEtcd({ name: "vitest-integration" });
  project.provide("etcdURL", etcd.clientURL);
  return async () => {
    await etcd.stop();
  };
}
