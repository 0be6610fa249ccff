import { describe, expect, it } from "vitest";
import { formatPanelParam, panelIds, panelsFromSearchParams, parsePanelForm, parsePanelParam, watchPageHref, type PanelSpec } from "./panels";

describe("panel URL form", () => {
  it("writes options before the key and reads them back", () => {
    const specs: PanelSpec[] = [
      { key: "/config/app", recursive: false },
      { key: "/config", recursive: true },
      { key: "/config", recursive: true, fromIndex: 120 },
      { key: "/a b/c?d#e&f=g@h", recursive: false, fromIndex: 1 },
      { key: "/", recursive: true },
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
      { key: "/a b/c?&=#%", recursive: true, fromIndex: 7 },
      { key: "/x", recursive: false },
      { key: "/x", recursive: false },
    ];
    const href = watchPageHref("prod east", panels);
    expect(href).toBe("/watch?cluster=prod%20east&w=r@7/a%20b/c%3F%26%3D%23%25&w=/x&w=/x");
    const params = new URL(href, "http://localhost").searchParams;
    expect(params.get("cluster")).toBe("prod east");
    expect(panelsFromSearchParams(params)).toEqual(panels);
  });

  it("leaves out the default cluster and an empty panel list", () => {
    expect(watchPageHref("default", [])).toBe("/watch");
    expect(watchPageHref("default", [{ key: "/k", recursive: false }])).toBe("/watch?w=/k");
  });

  it("reads a hand-edited link, dropping only the bad panels", () => {
    const params = new URLSearchParams("cluster=x&w=%2Fa&w=bad&w=r%40%2Fz&w=r/b");
    expect(panelsFromSearchParams(params)).toEqual([
      { key: "/a", recursive: false },
      { key: "/b", recursive: true },
    ]);
  });

  it("gives each panel a stable identity, duplicates included", () => {
    const a = { key: "/a", recursive: false };
    const b = { key: "/b", recursive: true };
    expect(panelIds([a, b, a, a])).toEqual(["/a", "r/b", "/a#2", "/a#3"]);
    // Removing one panel leaves the others' identities alone.
    expect(panelIds([a, a])).toEqual(["/a", "/a#2"]);
    expect(panelIds([b, a])).toEqual(["r/b", "/a"]);
  });
});

describe("the Add panel form", () => {
  it("accepts a key, adding the leading slash", () => {
    expect(parsePanelForm({ key: "config/app", recursive: false, fromIndex: "" })).toEqual({ ok: true, spec: { key: "/config/app", recursive: false } });
    expect(parsePanelForm({ key: "/", recursive: true, fromIndex: " 42 " })).toEqual({ ok: true, spec: { key: "/", recursive: true, fromIndex: 42 } });
    expect(parsePanelForm({ key: "/with space ", recursive: false, fromIndex: "" })).toEqual({ ok: true, spec: { key: "/with space ", recursive: false } });
  });

  it("refuses keys the shared rules refuse, and from indexes that are not whole numbers of 1 or more", () => {
    const result = parsePanelForm({ key: "/a//b", recursive: false, fromIndex: "1.5" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ key: { code: "emptySegment" }, fromIndex: "notWholePositive" });
    for (const from of ["0", "-3", "1e3", "abc", "99999999999999999"]) {
      const r = parsePanelForm({ key: "/a", recursive: false, fromIndex: from });
      expect(r.ok, from).toBe(false);
    }
    const empty = parsePanelForm({ key: "", recursive: false, fromIndex: "" });
    expect(empty.ok ? null : empty.errors.key).toEqual({ code: "missing" });
    const dots = parsePanelForm({ key: "/a/..", recursive: false, fromIndex: "" });
    expect(dots.ok ? null : dots.errors.key).toEqual({ code: "dotSegment", segment: ".." });
  });
});
