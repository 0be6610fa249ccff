import { describe, expect, it } from "vitest";
import { keyState3, value3 } from "./reshape";

describe("value3", () => {
  it("gives UTF-8 values as text too, byte for byte (a leading BOM kept)", () => {
    expect(value3(Buffer.from("héllo"))).toEqual({ base64: Buffer.from("héllo").toString("base64"), text: "héllo" });
    const bom = Buffer.from([0xef, 0xbb, 0xbf, 0x61]);
    expect(value3(bom).text).toBe("\ufeffa");
    expect(value3(Buffer.alloc(0))).toEqual({ base64: "", text: "" });
  });

  it("gives other bytes as base64 only", () => {
    const bytes = Buffer.from([0x00, 0xff, 0xfe, 0x80]);
    expect(value3(bytes)).toEqual({ base64: bytes.toString("base64") });
  });
});

describe("keyState3", () => {
  it("names the key by its display form and keeps revisions and the lease as strings", () => {
    const kv = { key: Buffer.from([0x61, 0x2f, 0xff]), value: Buffer.from("v"), createRevision: "5", modRevision: "9", version: "3", lease: "18446744073709551615" };
    expect(keyState3(kv)).toEqual({ key: "a/\\xff", value: { base64: "dg==", text: "v" }, createRevision: "5", modRevision: "9", version: "3", lease: "18446744073709551615" });
  });
});
