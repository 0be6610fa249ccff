import { describe, expect, it } from "vitest";
import { END_OF_KEYSPACE, keyAfter, prefixEnd, toBuffer } from "./bytes";

describe("prefixEnd", () => {
  it("adds one to the last byte", () => {
    expect(prefixEnd("a/").toString()).toBe("a0");
    expect(prefixEnd(Buffer.from([0x01, 0x02]))).toEqual(Buffer.from([0x01, 0x03]));
  });
  it("drops trailing 0xff bytes first", () => {
    expect(prefixEnd(Buffer.from([0x61, 0xff, 0xff]))).toEqual(Buffer.from([0x62]));
  });
  it("has no end for an empty or all-0xff prefix", () => {
    expect(prefixEnd("")).toEqual(END_OF_KEYSPACE);
    expect(prefixEnd(Buffer.from([0xff, 0xff]))).toEqual(END_OF_KEYSPACE);
  });
  it("never changes its input", () => {
    const prefix = Buffer.from("ab");
    prefixEnd(prefix);
    expect(prefix.toString()).toBe("ab");
  });
});

describe("toBuffer and keyAfter", () => {
  it("encodes strings as UTF-8 and keeps bytes as they are", () => {
    expect(toBuffer("é")).toEqual(Buffer.from([0xc3, 0xa9]));
    expect(toBuffer(new Uint8Array([0xff, 0]))).toEqual(Buffer.from([0xff, 0]));
  });
  it("keyAfter appends a zero byte", () => {
    expect(keyAfter("k")).toEqual(Buffer.from([0x6b, 0]));
  });
});
