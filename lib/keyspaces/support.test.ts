import { describe, expect, it } from "vitest";
import { keyspaceSupport } from "./support";

const v34 = { etcdserver: "3.4.23", etcdcluster: "3.4.0" };
const v36 = { etcdserver: "3.6.1", etcdcluster: "3.6.0" };

describe("keyspaceSupport", () => {
  it("offers both on a 3.4 cluster serving v2, opening v2 by default (today's links keep working)", () => {
    expect(keyspaceSupport(undefined, { versions: v34, v2: "on" })).toEqual({ offered: ["v2", "v3"], default: "v2", version: "3.4.23" });
  });

  it("offers v3 alone when etcd 3.4 / 3.5 runs without --enable-v2, and says so", () => {
    expect(keyspaceSupport(undefined, { versions: v34, v2: "off" })).toEqual({ offered: ["v3"], default: "v3", v2Absence: "disabled", version: "3.4.23" });
  });

  it("knows that etcd 3.6 removed v2, whatever /v2 answers", () => {
    for (const v2 of ["on", "off", "unknown"] as const) {
      expect(keyspaceSupport(undefined, { versions: v36, v2 })).toMatchObject({ offered: ["v3"], default: "v3", v2Absence: "removed" });
    }
    expect(keyspaceSupport(undefined, { versions: { etcdserver: "4.0.0", etcdcluster: "4.0.0" }, v2: "unknown" }).v2Absence).toBe("removed");
  });

  it("follows the configuration: v3 alone is shown even where v2 is served", () => {
    expect(keyspaceSupport(["v3"], { versions: v34, v2: "on" })).toEqual({ offered: ["v3"], default: "v3", v2Absence: "configured", version: "3.4.23" });
    expect(keyspaceSupport(["v2"], { versions: v34, v2: "on" })).toEqual({ offered: ["v2"], default: "v2", version: "3.4.23" });
  });

  it("while etcd cannot be probed, offers what is configured, so each keyspace can say what is wrong", () => {
    expect(keyspaceSupport(undefined, { v2: "unknown" })).toEqual({ offered: ["v2", "v3"], default: "v2" });
  });

  it("a configuration of v2 alone on a cluster without it still shows v2 (which then explains the failure)", () => {
    expect(keyspaceSupport(["v2"], { versions: v34, v2: "off" })).toEqual({ offered: ["v2"], default: "v2", version: "3.4.23" });
  });

  it("ignores a version it cannot read", () => {
    expect(keyspaceSupport(undefined, { versions: { etcdserver: "not-a-version", etcdcluster: "" }, v2: "on" })).toMatchObject({ offered: ["v2", "v3"] });
  });
});
