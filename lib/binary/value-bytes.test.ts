import { describe, expect, it } from "vitest";
import { base64FormLength, base64ToBytes, bytesToBase64, hexDump, isNotText, looksLikeBase64, notTextTraits, utf8Bytes } from "./value-bytes";

describe("isNotText", () => {
  it("takes tabs, newlines, carriage returns and any Unicode text for text", () => {
    for (const text of ["", "plain", "a\tb\nc\r\n", '{"json": [1, 2]}', "日本語 😀 émoji", "\u00a0non-breaking"]) expect(isNotText(text), text).toBe(false);
  });

  it("takes control characters, DEL, C1 controls, U+FFFD and lone surrogates for not text", () => {
    expect(notTextTraits("a\u0000b")).toEqual(["control"]);
    expect(isNotText("\u001b[31mred")).toBe(true);
    expect(isNotText("x\u007f")).toBe(true);
    expect(isNotText("x\u0085")).toBe(true);
    expect(notTextTraits("\ufffd\ufffdok")).toEqual(["replacement"]);
    expect(notTextTraits("\u0001\ufffd")).toEqual(["control", "replacement"]);
    expect(notTextTraits("a\ud800b")).toEqual(["surrogate"]);
    expect(notTextTraits("plain text\n\ttabbed")).toBeNull();
    expect(isNotText("\ud83d\ude00")).toBe(false);
  });
});

describe("hexDump", () => {
  it("shows offset, hex in two groups of 8 and the printable column", () => {
    const dump = hexDump(utf8Bytes("Hello, world!\n\u0000\u00ff"));
    expect(dump.text.split("\n")).toEqual([
      "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 c3  |Hello, world!...|",
      "00000010  bf                                                |.|",
    ]);
    expect(dump).toMatchObject({ shown: 17, total: 17 });
  });

  it("stops at maxBytes and says how many there were", () => {
    const dump = hexDump(new Uint8Array(100), 32);
    expect(dump.text.split("\n")).toHaveLength(2);
    expect(dump).toMatchObject({ shown: 32, total: 100 });
    expect(hexDump(new Uint8Array(0)).text).toBe("");
  });
});

describe("base64", () => {
  it("round-trips every byte value, and big inputs", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const encoded = bytesToBase64(all);
    expect(encoded).toBe(Buffer.from(all).toString("base64"));
    expect(Array.from(base64ToBytes(encoded)!)).toEqual(Array.from(all));
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
    const bigBase64 = bytesToBase64(big);
    expect(bigBase64).toBe(Buffer.from(big).toString("base64"));
    expect(Buffer.from(base64ToBytes(bigBase64)!).equals(Buffer.from(big))).toBe(true);
  });

  it("accepts line-wrapped base64 and refuses anything else", () => {
    expect(Array.from(base64ToBytes("aGVs\nbG8=")!)).toEqual(Array.from(utf8Bytes("hello")));
    for (const bad of ["", "abc", "ab=c", "a b c d", "aGVsbG8", "aGVsbG8==="]) expect(base64ToBytes(bad), bad).toBeNull();
  });

  it("offers decoding only for long enough base64", () => {
    expect(looksLikeBase64("true")).toBe(false);
    expect(looksLikeBase64("password")).toBe(false);
    expect(looksLikeBase64("aGVsbG8gd29ybGQ=")).toBe(true);
    expect(looksLikeBase64("not base64 at all")).toBe(false);
  });

  it("counts the form-encoded size of a base64 value", () => {
    expect(base64FormLength("abcd")).toBe(10);
    expect(base64FormLength("ab+/")).toBe(14);
    expect(base64FormLength("ab==")).toBe(14);
    expect(base64FormLength("YQ==")).toBe(new URLSearchParams({ value: "YQ==" }).toString().length);
  });
});
