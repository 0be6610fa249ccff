import { describe, expect, it } from "vitest";
import { filterCount, filterSpan, matchesFilter } from "./filter";

describe("filter", () => {
  it("matches a substring ignoring case; empty text matches everything", () => {
    expect(matchesFilter("WebServer", "bse")).toBe(true);
    expect(matchesFilter("web", "x")).toBe(false);
    expect(matchesFilter("anything", "")).toBe(true);
    expect(matchesFilter("<img src=x>", "IMG")).toBe(true);
  });

  it("counts N of M", () => {
    expect(filterCount(["alpha", "beta", "gamma"], "a")).toEqual({ shown: 3, total: 3 });
    expect(filterCount(["alpha", "beta", "gamma"], "ET")).toEqual({ shown: 1, total: 3 });
    expect(filterCount([], "a")).toEqual({ shown: 0, total: 0 });
  });

  it("finds the first match's span for the highlight", () => {
    expect(filterSpan("WebServer", "bse")).toEqual([2, 5]);
    expect(filterSpan("web", "x")).toBeUndefined();
    expect(filterSpan("web", "")).toBeUndefined();
  });
});
