import { describe, expect, it } from "vitest";
import { formatCount, formatTtl } from "./format";

describe("format", () => {
  it("formats TTLs briefly", () => {
    expect(formatTtl(42)).toBe("42s");
    expect(formatTtl(300)).toBe("5m");
    expect(formatTtl(301)).toBe("5m 1s");
    expect(formatTtl(3720)).toBe("1h 2m");
    expect(formatTtl(90000)).toBe("1d 1h");
    expect(formatTtl(-3)).toBe("0s");
  });
  it("formats counts with separators", () => {
    expect(formatCount(100000)).toBe("100,000");
    for (const n of [0, 7, 999, 1000, 12345, 1234567, -1234, 9007199254740991, 1.5]) expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });
});
