import { describe, expect, it } from "vitest";
import { formatCount } from "./format";

describe("format", () => {
  it("formats counts with separators", () => {
    expect(formatCount(100000)).toBe("100,000");
    for (const n of [0, 7, 999, 1000, 12345, 1234567, -1234, 9007199254740991, 1.5]) expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });
});
