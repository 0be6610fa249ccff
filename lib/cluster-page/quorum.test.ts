import { describe, expect, it } from "vitest";
import { quorumAfter, quorumSize, quorumSummary } from "./quorum";

describe("quorumSize", () => {
  it("is a strict majority", () => {
    expect([1, 2, 3, 4, 5].map(quorumSize)).toEqual([1, 2, 2, 3, 3]);
  });
});

describe("quorumSummary", () => {
  it("has no quorum below a majority", () => {
    expect(quorumSummary({ healthyCount: 1, memberCount: 3 })).toEqual({ ok: false, needed: 2, spare: 0 });
  });
  it("counts half of an even cluster as no quorum", () => {
    expect(quorumSummary({ healthyCount: 2, memberCount: 4 }).ok).toBe(false);
  });
  it("says how many more may fail", () => {
    expect(quorumSummary({ healthyCount: 3, memberCount: 3 })).toEqual({ ok: true, needed: 2, spare: 1 });
    expect(quorumSummary({ healthyCount: 2, memberCount: 3 })).toEqual({ ok: true, needed: 2, spare: 0 });
    expect(quorumSummary({ healthyCount: 1, memberCount: 1 })).toEqual({ ok: true, needed: 1, spare: 0 });
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
