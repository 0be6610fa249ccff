// A connection cut after etcd applied a write: the client must say the outcome is unknown, never send the
// write again (a compare-and-swap sent twice fails the second time and would be reported as failed while
// it was applied). Reads cut the same way are simply sent again. The fault suite found this (e2e/faults).
import { describe, expect, it } from "vitest";
import { directGetKey, etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { useProxiedClient } from "../testing/proxied-client";
import { parseKey } from "./key-path";

const setup = useProxiedClient();
const url = setup.etcdURL;

describe("a connection cut after etcd answered", () => {
  it("a compare-and-swap on a kept-alive connection is reported as of unknown outcome, and was applied once", async () => {
    const key = parseKey(`${uniquePrefix()}/cas`);
    const first = await setup.client.keys.set(key, "one"); // the connection is now kept alive and reused
    setup.proxy.cutNext("PUT");
    const error = await etcdErrorOf(setup.client.keys.put(key, { value: "two", prevIndex: first.node!.modifiedIndex! }));
    expect(error.outcomeUnknown).toBe(true);
    const stored = await directGetKey(url, key, { quorum: "true" });
    expect(stored.json.node.value).toBe("two");
    expect(stored.json.node.modifiedIndex).toBe(first.node!.modifiedIndex! + 1);
  });

  it("a read is sent again and answers", async () => {
    const key = parseKey(`${uniquePrefix()}/read`);
    await setup.client.keys.set(key, "v");
    setup.proxy.cutNext("GET");
    expect((await setup.client.keys.get(key)).node?.value).toBe("v");
  });
});
