// Node-only start-up work, imported by instrumentation.ts on the Node runtime only.
import { initClusters } from "./clusters";

/** Stops the server with a clear message when the configuration is invalid. */
export function validateConfigurationOrExit(): void {
  try {
    initClusters();
  } catch (error) {
    console.error(`\n[etcd-dashboard] ${(error as Error).message}\n`);
    process.exit(1);
  }
}
