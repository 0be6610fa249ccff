import { describe, expect, it } from "vitest";
import type { ClusterOverview } from "@/lib/api/cluster-overview";
import type { ClusterSample } from "@/lib/cluster-monitor/samples";
import { mergeSamples, sinceOf, withHistory } from "./history";

const sample = (at: number): ClusterSample => ({ at, followers: {}, storeRates: {}, watchers: { a: at } });

describe("sinceOf", () => {
  it("is the newest sample's time, or nothing", () => {
    expect(sinceOf(undefined)).toBeUndefined();
    expect(sinceOf([])).toBeUndefined();
    expect(sinceOf([sample(1), sample(5)])).toBe(5);
  });
});

describe("mergeSamples", () => {
  it("appends newer samples in time order", () => {
    expect(mergeSamples([sample(1), sample(2)], [sample(3), sample(4)]).map((s) => s.at)).toEqual([1, 2, 3, 4]);
  });
  it("keeps each time once, the newer copy winning", () => {
    const newer = { ...sample(2), watchers: { a: 99 } };
    const merged = mergeSamples([sample(1), sample(2)], [newer, sample(3)]);
    expect(merged.map((s) => s.at)).toEqual([1, 2, 3]);
    expect(merged[1]!.watchers).toEqual({ a: 99 });
  });
  it("drops what falls out of the window before the newest sample", () => {
    expect(mergeSamples([sample(0), sample(500)], [sample(1000)], 600).map((s) => s.at)).toEqual([500, 1000]);
  });
  it("returns the held list itself when nothing is new (no re-render of the charts)", () => {
    const held = [sample(1)];
    expect(mergeSamples(held, [])).toBe(held);
  });
});

describe("withHistory", () => {
  const overview = (at: number, samples: ClusterSample[]): ClusterOverview => ({
    at,
    intervalMs: 1000,
    connection: { name: "default", endpoints: ["http://e:2379"], tls: false, clientCertificate: false, auth: false, requestTimeoutMs: 5000, writeTimeoutMs: 10000, statsIntervalMs: 1000, endpointStates: [{ url: "http://e:2379", inUse: true, learned: false }] },
    status: { ok: false, error: { code: "etcd_unavailable", message: "down" } },
    samples,
  });
  it("takes the latest status and adds its samples to those held", () => {
    const first = withHistory(undefined, overview(1, [sample(1)]));
    const second = withHistory(first, overview(2, [sample(2)]));
    expect(second.at).toBe(2);
    expect(second.samples.map((s) => s.at)).toEqual([1, 2]);
  });
});
