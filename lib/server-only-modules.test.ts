// The etcd client and the watch hub run on the server only: each of their modules imports "server-only",
// so a browser import of any of them fails the build instead of bundling the etcd client (its endpoints,
// credentials and TLS keys) for the browser. Importing them through lib/etcd/index.ts is not enough: a
// deep import skips the index.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Modules the browser, e2e tests or benchmarks may import. */
const NOT_SERVER_ONLY: Record<string, string[]> = {
  "lib/etcd": [
    "wire.ts", // the wire schemas: the browser type-imports the node shape
    "errors.ts", // also imported by lib/testing's direct etcd helpers
    "key-path.ts",
    "auth-admin-types.ts", // types only: the HTTP API's contract and the browser type-import them
    "cluster-types.ts", // likewise
  ],
  "lib/etcd3": [],
  "lib/watch": [
    "protocol.ts", // the watch stream's contract, shared with the browser
    "sse.ts", // the SSE parser, used by e2e tests and benchmarks
    "recent-events.ts", // browser
    "event-batcher.ts", // browser
  ],
  "lib/watch3": [
    "protocol.ts", // the v3 watch stream's contract, shared with the browser
    "stream-cursor.ts", // browser: where a v3 stream got to, and the URL that resumes it
  ],
};

const root = path.resolve(__dirname, "..");

describe.each(Object.entries(NOT_SERVER_ONLY))("%s", (folder, allowed) => {
  it("marks every module server-only", () => {
    const modules = readdirSync(path.join(root, folder)).filter((name) => name.endsWith(".ts") && !/\.test\.ts$|\.d\.ts$/.test(name));
    const unmarked = modules.filter((name) => !allowed.includes(name) && !/^import "server-only";$/m.test(readFileSync(path.join(root, folder, name), "utf8")));
    expect(unmarked).toEqual([]);
  });
});
