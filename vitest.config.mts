import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

// Unit tests: pure modules, `lib/**/*.test.ts` (and scripts/, bench/). Integration tests: `lib/**/*.int.test.ts`, against a
// real etcd started by lib/testing/etcd-global-setup.ts (scripts/lib/etcd-harness.mjs).
const alias = {
  "@": root,
  // The real "server-only" throws outside a React Server environment; tests run lib/etcd directly.
  "server-only": path.resolve(root, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "scripts/**/*.int.test.ts", "bench/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/etcd-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // e2e/faults: a 3-member cluster behind the built dashboard, killed and frozen under load.
          name: "faults",
          include: ["e2e/faults/**/*.faults.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
