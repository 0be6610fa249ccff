// THE entry point for real etcd servers: tests (vitest globalSetup, integration and e2e tests), the
// demo and the benchmarks all start etcd through this module, so flags, ports, readiness and
// clean-up are decided in one place. The pieces live in the modules re-exported below.
export { ensureEtcdInstalled, ETCD_BIN } from "./etcd-install.mjs";
export { freePort } from "./ports.mjs";
export { startEtcd, EtcdStartError } from "./etcd-process.mjs";
export { startCluster } from "./etcd-cluster.mjs";
