import { describe, expect, it } from "vitest";
import { answeredHealth, quorumOf, silentHealth, type MemberStatus } from "./cluster-status";
import { EtcdError } from "./errors";

const members = (...health: MemberStatus["health"][]): MemberStatus[] =>
  health.map((h, i) => ({ id: String(i), name: `m${i}`, peerURLs: [], clientURLs: [], health: h }));

describe("quorumOf", () => {
  it("has quorum only while more than half of the members are healthy", () => {
    expect(quorumOf(members("healthy", "healthy", "unreachable"))).toEqual({ quorum: true, healthyCount: 2, memberCount: 3 });
    expect(quorumOf(members("healthy", "healthy", "unhealthy", "unstarted"))).toEqual({ quorum: false, healthyCount: 2, memberCount: 4 });
    expect(quorumOf([])).toEqual({ quorum: false, healthyCount: 0, memberCount: 0 });
  });
});

describe("a member's health", () => {
  it("says why a member is not healthy", () => {
    expect(answeredHealth(true)).toEqual({ health: "healthy", reason: undefined });
    expect(answeredHealth(false).reason).toMatch(/answers but reports unhealthy/);
    const down = new EtcdError("unavailable", "http://m:1: ECONNREFUSED");
    expect(silentHealth(null, down)).toEqual({ health: "unstarted", reason: "added to the cluster but never started" });
    expect(silentHealth("http://m:1", down)).toEqual({ health: "unreachable", reason: "http://m:1: ECONNREFUSED" });
  });
});
