import { describe, expect, it } from "vitest";
import { buildSavePlan } from "./save-plan";

const now = Date.parse("2026-01-01T00:00:00.000Z");
const permanent = { modifiedIndex: 42 };
const expiring = { modifiedIndex: 42, ttl: 100, expiration: "2026-01-01T00:01:30.000Z" };

describe("buildSavePlan", () => {
  it("is a compare-and-swap on the loaded modifiedIndex", () => {
    expect(buildSavePlan(permanent, { value: "new" }, now)).toEqual({ ok: true, body: { value: "new", prevIndex: 42 } });
  });
  it("sends no ttl for a permanent key whose TTL field is untouched", () => {
    const plan = buildSavePlan(permanent, { value: "v" }, now);
    expect(plan.ok && "ttl" in plan.body).toBe(false);
  });
  it("keeps an expiring key's TTL: the remaining seconds, recomputed from the expiration at save time", () => {
    expect(buildSavePlan(expiring, { value: "v" }, now)).toEqual({ ok: true, body: { value: "v", prevIndex: 42, ttl: 90 } });
    expect(buildSavePlan(expiring, { value: "v" }, now + 30_000)).toEqual({ ok: true, body: { value: "v", prevIndex: 42, ttl: 60 } });
  });
  it("rounds the remaining TTL up and never sends less than 1", () => {
    expect(buildSavePlan(expiring, { value: "v" }, now + 89_500)).toMatchObject({ body: { ttl: 1 } });
    expect(buildSavePlan(expiring, { value: "v" }, now + 200_000)).toMatchObject({ body: { ttl: 1 } });
  });
  it("ignores the (possibly stale) ttl field of the loaded node in favour of the expiration", () => {
    expect(buildSavePlan({ ...expiring, ttl: 5 }, { value: "v" }, now)).toMatchObject({ body: { ttl: 90 } });
  });
  it("uses a TTL the user typed", () => {
    expect(buildSavePlan(expiring, { value: "v", ttl: "300" }, now)).toEqual({ ok: true, body: { value: "v", prevIndex: 42, ttl: 300 } });
    expect(buildSavePlan(permanent, { value: "v", ttl: " 60 " }, now)).toMatchObject({ body: { ttl: 60 } });
  });
  it("removes the TTL with ttl: null when the user emptied the field of an expiring key", () => {
    expect(buildSavePlan(expiring, { value: "v", ttl: "" }, now)).toEqual({ ok: true, body: { value: "v", prevIndex: 42, ttl: null } });
  });
  it("sends no ttl when the field is empty and the key had none", () => {
    const plan = buildSavePlan(permanent, { value: "v", ttl: "" }, now);
    expect(plan).toEqual({ ok: true, body: { value: "v", prevIndex: 42 } });
  });
  it("refuses an invalid TTL instead of dropping it", () => {
    expect(buildSavePlan(expiring, { value: "v", ttl: "-3" }, now)).toMatchObject({ ok: false, field: "ttl" });
    expect(buildSavePlan(expiring, { value: "v", ttl: "ten" }, now)).toMatchObject({ ok: false, field: "ttl" });
  });
  it("keeps an empty value as an empty value", () => {
    expect(buildSavePlan(permanent, { value: "" }, now)).toEqual({ ok: true, body: { value: "", prevIndex: 42 } });
  });
  it("refuses directories and nodes without an index", () => {
    expect(buildSavePlan({ dir: true, modifiedIndex: 3 }, { value: "v" }, now).ok).toBe(false);
    expect(buildSavePlan({}, { value: "v" }, now).ok).toBe(false);
  });
});
