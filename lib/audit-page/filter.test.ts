import { describe, expect, it } from "vitest";
import { auditApiPath, auditFilterFromSearchParams, auditPageHref, isFiltered, isoToLocalInput, localInputToIso } from "./filter";

describe("the Audit page's URL", () => {
  it("round-trips a filter, the cluster as `in=` and empty fields left out", () => {
    const filter = { user: "alice", cluster: "prod", operation: "put", result: "failed", q: "/a b&c", from: "2026-03-01T10:00:00.000Z", to: "" };
    const href = auditPageHref(filter);
    expect(href).toBe("/audit?user=alice&in=prod&operation=put&result=failed&q=%2Fa+b%26c&from=2026-03-01T10%3A00%3A00.000Z");
    const { to: _empty, ...given } = filter;
    expect(auditFilterFromSearchParams(new URL(href, "http://x").searchParams)).toEqual(given);
    expect(auditPageHref({})).toBe("/audit");
  });

  it("ignores the dashboard's own `cluster=` and unknown parameters", () => {
    expect(auditFilterFromSearchParams(new URLSearchParams("cluster=prod&limit=5&user="))).toEqual({});
  });

  it("knows whether anything is filtered", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ q: "" })).toBe(false);
    expect(isFiltered({ result: "ok" })).toBe(true);
  });
});

describe("auditApiPath", () => {
  it("uses the API's names and adds the cursor", () => {
    expect(auditApiPath({})).toBe("/api/audit");
    expect(auditApiPath({ cluster: "prod", q: "/x" }, "1234")).toBe("/api/audit?cluster=prod&q=%2Fx&cursor=1234");
  });
});

describe("datetime-local inputs", () => {
  it("turn a local time into an instant and back", () => {
    const iso = localInputToIso("2026-03-01T10:30:15");
    expect(iso).toBe(new Date(2026, 2, 1, 10, 30, 15).toISOString());
    expect(isoToLocalInput(iso)).toBe("2026-03-01T10:30:15");
    expect(localInputToIso("2026-03-01T10:30")).toBe(new Date(2026, 2, 1, 10, 30).toISOString());
  });

  it("leave out what is not a time", () => {
    expect(localInputToIso("")).toBeUndefined();
    expect(localInputToIso("yesterday")).toBeUndefined();
    expect(localInputToIso("2026-13-45T99:99")).toBeUndefined();
    expect(isoToLocalInput(undefined)).toBe("");
    expect(isoToLocalInput("nonsense")).toBe("");
  });
});
