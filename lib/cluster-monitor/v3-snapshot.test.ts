import { describe, expect, it } from "vitest";
import { agreedLeader, hexMemberId } from "./v3-snapshot";

describe("hexMemberId", () => {
  it("writes a v3 id beyond 2^53 in hex exactly, as v2 and etcdctl do (§0 gotcha 2)", () => {
    expect(hexMemberId("18301528819393501121")).toBe("fdfc177ede8617c1");
    expect(hexMemberId("4393035232848871411")).toBe("3cf73244dbbb7ff3");
  });
});

describe("agreedLeader", () => {
  it("is the id most answering members name", () => {
    expect(agreedLeader(["7", "7", "9"])).toBe("7");
    expect(agreedLeader(["9", undefined, "7", "7"])).toBe("7");
  });

  it("is undefined when no member names one (\"0\": no leader) or none answered", () => {
    expect(agreedLeader(["0", "0", undefined])).toBeUndefined();
    expect(agreedLeader([])).toBeUndefined();
  });
});
