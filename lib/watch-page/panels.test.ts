import { describe, expect, it } from "vitest";
import { formatPanelParam, panelIds, panelSpecSchema, panelsFromSearchParams, parsePanelForm, parsePanelParam, watchPageHref, type PanelSpec } from "./panels";

describe("panel URL form", () => {
  it("writes options before the key and reads them back", () => {
    const specs: PanelSpec[] = [
      { keyspace: "v2", key: "/config/app", recursive: false },
      { keyspace: "v2", key: "/config", recursive: true },
      { keyspace: "v2", key: "/config", recursive: true, fromIndex: 120 },
      { keyspace: "v2", key: "/a b/c?d#e&f=g@h", recursive: false, fromIndex: 1 },
      { keyspace: "v2", key: "/", recursive: true },
    ];
    expect(specs.map(formatPanelParam)).toEqual(["/config/app", "r/config", "r@120/config", "@1/a b/c?d#e&f=g@h", "r/"]);
    for (const spec of specs) expect(parsePanelParam(formatPanelParam(spec))).toEqual(spec);
  });

  it("skips malformed values instead of guessing", () => {
    for (const bad of ["", "config", "x/config", "r@/config", "@0/a", "@-1/a", "@99999999999999999/a", "/a//b", "/a/../b", "/a/", "rr/a"]) {
      expect(parsePanelParam(bad), bad).toBeNull();
    }
  });

  it("round-trips panels through a link, keeping the cluster", () => {
    const panels: PanelSpec[] = [
      { keyspace: "v2", key: "/a b/c?&=#%", recursive: true, fromIndex: 7 },
      { keyspace: "v2", key: "/x", recursive: false },
      { keyspace: "v2", key: "/x", recursive: false },
    ];
    const href = watchPageHref("prod east", panels);
    expect(href).toBe("/watch?cluster=prod%20east&w=r@7/a%20b/c%3F%26%3D%23%25&w=/x&w=/x");
    const params = new URL(href, "http://localhost").searchParams;
    expect(params.get("cluster")).toBe("prod east");
    expect(panelsFromSearchParams(params)).toEqual(panels);
  });

  it("leaves out the default cluster and an empty panel list", () => {
    expect(watchPageHref("default", [])).toBe("/watch");
    expect(watchPageHref("default", [{ keyspace: "v2", key: "/k", recursive: false }])).toBe("/watch?w=/k");
  });

  it("reads a hand-edited link, dropping only the bad panels", () => {
    const params = new URLSearchParams("cluster=x&w=%2Fa&w=bad&w=r%40%2Fz&w=r/b");
    expect(panelsFromSearchParams(params)).toEqual([
      { keyspace: "v2", key: "/a", recursive: false },
      { keyspace: "v2", key: "/b", recursive: true },
    ]);
  });

  it("gives each panel a stable identity, duplicates included", () => {
    const a: PanelSpec = { keyspace: "v2", key: "/a", recursive: false };
    const b: PanelSpec = { keyspace: "v2", key: "/b", recursive: true };
    expect(panelIds([a, b, a, a])).toEqual(["/a", "r/b", "/a#2", "/a#3"]);
    // Removing one panel leaves the others' identities alone.
    expect(panelIds([a, a])).toEqual(["/a", "/a#2"]);
    expect(panelIds([b, a])).toEqual(["r/b", "/a"]);
  });
});

describe("the Add panel form", () => {
  it("accepts a key, adding the leading slash", () => {
    expect(parsePanelForm({ keyspace: "v2", key: "config/app", recursive: false, fromIndex: "" })).toEqual({ ok: true, spec: { keyspace: "v2", key: "/config/app", recursive: false } });
    expect(parsePanelForm({ keyspace: "v2", key: "/", recursive: true, fromIndex: " 42 " })).toEqual({ ok: true, spec: { keyspace: "v2", key: "/", recursive: true, fromIndex: 42 } });
    expect(parsePanelForm({ keyspace: "v2", key: "/with space ", recursive: false, fromIndex: "" })).toEqual({ ok: true, spec: { keyspace: "v2", key: "/with space ", recursive: false } });
  });

  it("refuses keys the shared rules refuse, and from indexes that are not whole numbers of 1 or more", () => {
    const result = parsePanelForm({ keyspace: "v2", key: "/a//b", recursive: false, fromIndex: "1.5" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ key: { code: "emptySegment" }, fromIndex: "notWholePositive" });
    for (const from of ["0", "-3", "1e3", "abc", "99999999999999999"]) {
      const r = parsePanelForm({ keyspace: "v2", key: "/a", recursive: false, fromIndex: from });
      expect(r.ok, from).toBe(false);
    }
    const empty = parsePanelForm({ keyspace: "v2", key: "", recursive: false, fromIndex: "" });
    expect(empty.ok ? null : empty.errors.key).toEqual({ code: "missing" });
    const dots = parsePanelForm({ keyspace: "v2", key: "/a/..", recursive: false, fromIndex: "" });
    expect(dots.ok ? null : dots.errors.key).toEqual({ code: "dotSegment", segment: ".." });
  });
});

describe("v3 panels", () => {
  it("persist with their keyspace: prefix, from revision and the key's display form, the whole keyspace too", () => {
    const specs: PanelSpec[] = [
      { keyspace: "v3", key: "/config", prefix: true, fromRevision: 120 },
      { keyspace: "v3", key: "no-slash", prefix: false },
      { keyspace: "v3", key: "bin\\xff:x", prefix: false },
      { keyspace: "v3", key: "", prefix: true },
    ];
    expect(specs.map(formatPanelParam)).toEqual(["v3:p@120:/config", "v3::no-slash", "v3::bin\\xff:x", "v3:p:"]);
    for (const spec of specs) expect(parsePanelParam(formatPanelParam(spec))).toEqual(spec);
    const href = watchPageHref("default", [specs[2]!, { keyspace: "v2", key: "/a", recursive: true }]);
    expect(href).toBe("/watch?w=v3::bin%5Cxff:x&w=r/a");
    expect(panelsFromSearchParams(new URL(href, "http://localhost").searchParams)).toEqual([specs[2], { keyspace: "v2", key: "/a", recursive: true }]);
    expect(panelIds([specs[1]!, { keyspace: "v2", key: "/no-slash", recursive: false }])).toEqual(["v3::no-slash", "/no-slash"]);
  });

  it("old panels without a keyspace load as v2 (the schema's default)", () => {
    expect(panelSpecSchema.parse({ key: "/a", recursive: true, fromIndex: 3 })).toEqual({ keyspace: "v2", key: "/a", recursive: true, fromIndex: 3 });
    expect(parsePanelParam("r@3/a")).toEqual({ keyspace: "v2", key: "/a", recursive: true, fromIndex: 3 });
  });

  it("skips malformed v3 values: an empty key without prefix, bad escapes, U+FFFD, a bad revision", () => {
    for (const bad of ["v3::", "v3:p", "v3:x:/a", "v3::\\q", "v3::a\ufffd", "v3:@0:/a", "v3:r:/a", "v2::/a"]) expect(parsePanelParam(bad), bad).toBeNull();
  });

  it("the form: the key taken as typed (no leading slash added), empty with the prefix is every key", () => {
    expect(parsePanelForm({ keyspace: "v3", key: "foo", recursive: false, fromIndex: "" })).toEqual({ ok: true, spec: { keyspace: "v3", key: "foo", prefix: false } });
    expect(parsePanelForm({ keyspace: "v3", key: "", recursive: true, fromIndex: "7" })).toEqual({ ok: true, spec: { keyspace: "v3", key: "", prefix: true, fromRevision: 7 } });
    const missing = parsePanelForm({ keyspace: "v3", key: "", recursive: false, fromIndex: "0" });
    expect(missing.ok ? null : missing.errors).toEqual({ key: { code: "missing" }, fromIndex: "notWholePositive" });
    const bad = parsePanelForm({ keyspace: "v3", key: "a\\x4", recursive: false, fromIndex: "" });
    expect(bad.ok ? null : bad.errors.key).toMatchObject({ code: "badKey3" });
  });
});
