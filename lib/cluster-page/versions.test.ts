import { describe, expect, it } from "vitest";
import { clusterVersions } from "./versions";

describe("clusterVersions", () => {
  it("lists distinct server versions in version order, the cluster version from the leader", () => {
    expect(
      clusterVersions([
        { isLeader: false, version: { etcdserver: "3.10.0", etcdcluster: "3.4.0" } },
        { isLeader: true, version: { etcdserver: "3.4.23", etcdcluster: "3.4.0" } },
        { isLeader: false, version: { etcdserver: "3.4.23", etcdcluster: "3.4.0" } },
        { isLeader: false },
      ]),
    ).toEqual({ servers: ["3.4.23", "3.10.0"], cluster: "3.4.0" });
  });
  it("takes any member's cluster version without a leader, none without versions", () => {
    expect(clusterVersions([{ isLeader: false, version: { etcdserver: "3.5.1", etcdcluster: "3.5.0" } }])).toEqual({ servers: ["3.5.1"], cluster: "3.5.0" });
    expect(clusterVersions([{ isLeader: false }])).toEqual({ servers: [] });
  });
});
