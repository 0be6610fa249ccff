import { describe, expect, it } from "vitest";
import { bytesDraft, draftBase64, draftBytes, draftComparable, draftOf, leaseExpiration, revisionAfter, sameValue, valueBody } from "./value-draft";

const FF = { base64: "/w==" }; // the byte 0xff: not UTF-8, so the route gives no text

describe("draftOf", () => {
  it("edits a UTF-8 value as its text", () => {
    expect(draftOf({ base64: Buffer.from("héllo").toString("base64"), text: "héllo" })).toEqual({ kind: "text", text: "héllo" });
  });
  it("keeps a value that is not UTF-8 as its bytes, never as text", () => {
    expect(draftOf(FF)).toEqual({ kind: "bytes", base64: "/w==" });
    expect(draftBytes(draftOf(FF))).toEqual(new Uint8Array([0xff]));
  });
  it("an empty value is text", () => {
    expect(draftOf({ base64: "", text: "" })).toEqual({ kind: "text", text: "" });
  });
});

describe("sameValue and valueBody", () => {
  it("a text draft differs once its text does", () => {
    const value = { base64: Buffer.from("a").toString("base64"), text: "a" };
    expect(sameValue({ kind: "text", text: "a" }, value)).toBe(true);
    expect(sameValue({ kind: "text", text: "b" }, value)).toBe(false);
  });
  it("bytes compare by their bytes: a file of the same bytes is no change", () => {
    expect(sameValue(bytesDraft(new Uint8Array([0xff])), FF)).toBe(true);
    expect(sameValue(bytesDraft(new Uint8Array([0xfe])), FF)).toBe(false);
    // A file whose bytes are the stored text's UTF-8 is the same value too.
    expect(sameValue(bytesDraft(Buffer.from("a")), { base64: "YQ==", text: "a" })).toBe(true);
  });
  it("sends text as text and bytes as base64", () => {
    expect(valueBody({ kind: "text", text: "x" })).toEqual({ text: "x" });
    expect(valueBody(bytesDraft(new Uint8Array([0, 0xff])))).toEqual({ base64: "AP8=" });
    expect(draftBase64({ kind: "text", text: "é" })).toBe(Buffer.from("é").toString("base64"));
  });
  it("an empty bytes draft is no bytes, not a failure", () => {
    expect(draftBytes({ kind: "bytes", base64: "" })).toEqual(new Uint8Array(0));
    expect(draftBytes({ kind: "text", text: "x" })).toBeNull();
  });
  it("compares bytes as base64, said so", () => {
    expect(draftComparable(bytesDraft(new Uint8Array([0xff])))).toBe("base64: /w==");
    expect(draftComparable({ kind: "text", text: "t" })).toBe("t");
  });
});

describe("leaseExpiration", () => {
  it("is the read time plus the TTL left", () => {
    expect(leaseExpiration({ id: "1", grantedTtl: 60, ttl: 42 }, Date.UTC(2026, 0, 1))).toBe("2026-01-01T00:00:42.000Z");
  });
  it("is now for a lease already gone (-1), and nothing without a lease", () => {
    expect(leaseExpiration({ id: "1", grantedTtl: 60, ttl: -1 }, 0)).toBe(new Date(0).toISOString());
    expect(leaseExpiration(null, 0)).toBeUndefined();
  });
});

describe("revisionAfter", () => {
  it("compares revisions above 2^53 exactly", () => {
    expect(revisionAfter("9007199254740993", "9007199254740992")).toBe(true);
    expect(revisionAfter("10", "9")).toBe(true);
    expect(revisionAfter("9", "10")).toBe(false);
    expect(revisionAfter("5", "5")).toBe(false);
  });
});
