// A v3 save cut off after it was sent (its member froze, SIGSTOP) is answered as "outcome unknown", the same
// envelope as v2's, and not sent again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { toApiError } from "@/lib/api/server/error-response";
import { Etcd3Client } from "@/lib/etcd3";
import { untilStopped } from "@/lib/testing/etcd-direct";
import { putKey3 } from "./key-ops";

let etcd: EtcdHandle;
let client: Etcd3Client;

beforeAll(async () => {
  etcd = await startEtcd({ name: "keys3-outcome" });
  client = new Etcd3Client({ endpoints: [etcd.clientURL], readTimeoutMs: 1_000, writeTimeoutMs: 1_000 });
});
afterAll(async () => {
  client?.close();
  etcd?.kill("SIGCONT");
  await etcd?.stop();
});

describe("putKey3 on a member that froze", () => {
  it("is outcome unknown: a 504 whose envelope says the save may have been applied", async () => {
    const put = await client.put({ key: "k", value: "one" });
    etcd.kill("SIGSTOP");
    await untilStopped(etcd.pid);
    const error = await putKey3(client, Buffer.from("k"), { text: "two", modRevision: put.revision }).then(
      () => undefined,
      (e: unknown) => e,
    );
    etcd.kill("SIGCONT");
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect(toApiError(error).body).toMatchObject({ code: "etcd_timeout", outcomeUnknown: true });
  });
});
