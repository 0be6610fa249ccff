import { describe, expect, it } from "vitest";
import type { ClusterSnapshot, MemberSnapshot } from "@/lib/etcd/cluster-types";
import { connectionOf } from "./connection";

const member = (id: string, version?: string): MemberSnapshot =>
  ({ id, name: id, peerURLs: [], clientURLs: [], health: version ? "healthy" : "unreachable", isLeader: false, ...(version ? { version: { etcdserver: version, etcdcluster: "3.4.0" } } : {}) }) as MemberSnapshot;

const snapshot = (members: MemberSnapshot[], leaderId?: string): ClusterSnapshot => ({ api: "v2", quorum: true, healthyCount: 2, memberCount: 3, members, leaderId, machines: [] });

describe("connectionOf", () => {
  it("gives the leader's version and the counts of the poll", () => {
    const summary = connectionOf({ at: 5, snapshot: snapshot([member("a", "3.4.22"), member("b", "3.4.23")], "b") });
    expect(summary).toEqual({ at: 5, api: "v2", version: { etcdserver: "3.4.23", etcdcluster: "3.4.0" }, leader: "b", quorum: true, healthyCount: 2, memberCount: 3 });
  });

  it("falls back to the first member that told its version, and leaves it out when none did", () => {
    expect(connectionOf({ at: 1, snapshot: snapshot([member("a"), member("b", "3.4.22")], "a") }).version?.etcdserver).toBe("3.4.22");
    expect(connectionOf({ at: 1, snapshot: snapshot([member("a")]) })).not.toHaveProperty("version");
    expect(connectionOf({ at: 1, snapshot: snapshot([member("a")]) })).not.toHaveProperty("leader");
  });

  it("throws the error of a poll that failed as a whole", () => {
    const error = new Error("etcd cannot be reached");
    expect(() => connectionOf({ at: 1, error })).toThrow(error);
  });
});
