import { describe, expect, it } from "vitest";
import { quorumSize, quorumSummary } from "./quorum";

describe("quorumSize", () => {
  it("is a strict majority", () => {
    expect([1, 2, 3, 4, 5].map(quorumSize)).toEqual([1, 2, 2, 3, 3]);
  });
});

describe("quorumSummary", () => {
  it("says writes will fail below a majority", () => {
    const summary = quorumSummary({ healthyCount: 1, memberCount: 3 });
    expect(summary.ok).toBe(false);
    expect(summary.text).toBe("No quorum: 1 of 3 members healthy, 2 needed, so writes will fail (reads may return stale data).");
  });
  it("counts half of an even cluster as no quorum", () => {
    expect(quorumSummary({ healthyCount: 2, memberCount: 4 }).ok).toBe(false);
  });
  it("says how many more may fail", () => {
    expect(quorumSummary({ healthyCount: 3, memberCount: 3 }).text).toBe("Quorum: 3 of 3 members healthy (2 needed); 1 more member may fail.");
    expect(quorumSummary({ healthyCount: 2, memberCount: 3 }).text).toBe("Quorum: 2 of 3 members healthy (2 needed); no further member may fail.");
    expect(quorumSummary({ healthyCount: 1, memberCount: 1 }).text).toMatch(/^Quorum: 1 of 1 member healthy/);
  });
});
