// An etcd client on the integration tests' etcd, with the audit log written to a file of the test's own
// (read it back with `auditEntries()`), set up before a file's tests and removed after them. Vitest only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import type { AuditEntry } from "@/lib/audit/entry";
import { EtcdClient } from "@/lib/etcd/client";

export interface AuditedClient {
  readonly etcdURL: string;
  readonly client: EtcdClient;
  /** The audit log's entries so far, parsed, oldest first. */
  auditEntries(): AuditEntry[];
}

export function useAuditedClient(name: string): AuditedClient {
  const etcdURL = inject("etcdURL");
  const auditDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const auditLog = path.join(auditDir, "audit.jsonl");
  let client: EtcdClient | undefined;
  beforeAll(() => {
    process.env.ETCD_DASHBOARD_AUDIT_LOG = auditLog;
    client = new EtcdClient({ endpoints: [etcdURL], discoverMembers: false });
  });
  afterAll(() => {
    client?.close();
    fs.rmSync(auditDir, { recursive: true, force: true });
  });
  return {
    etcdURL,
    get client() {
      if (!client) throw new Error("useAuditedClient: used before its beforeAll ran");
      return client;
    },
    auditEntries: () =>
      fs
        .readFileSync(auditLog, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as AuditEntry),
  };
}
