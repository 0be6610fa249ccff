import { describe, expect, it } from "vitest";
import { codec } from "./methods";
import { compareMessage, rangeRequest, txnRequest } from "./requests";

describe("v3 request messages", () => {
  it("a prefix range ends at the prefix's end, and no sort is sent", () => {
    const req = rangeRequest({ key: "a/", prefix: true, limit: 10, keysOnly: true });
    expect(req.range_end?.toString()).toBe("a0");
    expect(req.limit).toBe("10");
    expect(req).not.toHaveProperty("sort_order");
  });

  it("puts a compare's value in the field of its target", () => {
    expect(compareMessage({ key: "k", target: "MOD", result: "EQUAL", value: "12" })).toMatchObject({ mod_revision: "12" });
    expect(compareMessage({ key: "k", target: "CREATE", result: "EQUAL", value: "0" })).toMatchObject({ create_revision: "0" });
    expect(compareMessage({ key: "k", target: "VALUE", result: "EQUAL", value: "v" }).value).toEqual(Buffer.from("v"));
  });

  it("encodes a txn with the field numbers etcd expects (compare.range_end = 64)", () => {
    const { encode } = codec("KV", "Txn");
    const bytes = encode(
      txnRequest({
        compare: [{ key: "k", rangeEnd: "l", target: "MOD", result: "EQUAL", value: "5" }],
        success: [{ put: { key: "k", value: "v" } }],
        failure: [{ range: { key: "k" } }],
      }) as never,
    );
    // field 1 (compare), length-delimited; inside it range_end is field 64: tag (64 << 3 | 2) = 0x82 0x04.
    expect(bytes[0]).toBe(0x0a);
    expect(bytes.includes(Buffer.from([0x82, 0x04, 0x01, 0x6c]))).toBe(true);
  });
});
