import { describe, expect, it } from "vitest";
import { quorumAfter, quorumSize, quorumSummary } from "./quorum";

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

describe("quorumAfter", () => {
  it("an added member counts as down until it joins", () => {
    expect(quorumAfter({ memberCount: 3, healthyCount: 3, delta: 1 })).toEqual({ memberCount: 4, needed: 3, healthyCount: 3, ok: true });
    expect(quorumAfter({ memberCount: 1, healthyCount: 1, delta: 1 })).toEqual({ memberCount: 2, needed: 2, healthyCount: 1, ok: false });
  });
  it("removing a healthy member can cost the quorum; removing a dead one can restore it", () => {
    expect(quorumAfter({ memberCount: 3, healthyCount: 2, delta: -1, removedHealthy: true }).ok).toBe(false);
    expect(quorumAfter({ memberCount: 4, healthyCount: 2, delta: -1, removedHealthy: false })).toEqual({ memberCount: 3, needed: 2, healthyCount: 2, ok: true });
  });
});
