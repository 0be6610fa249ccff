import { describe, expect, it } from "vitest";
import { acceptCompletion, completionTarget, completionsFor, moveActive, normalizeGoTo } from "./complete";

describe("completionTarget", () => {
  it("splits the input into the directory to list and the partial segment", () => {
    expect(completionTarget("/apps/w")).toEqual({ dir: "/apps", prefix: "w" });
    expect(completionTarget("/apps/")).toEqual({ dir: "/apps", prefix: "" });
    expect(completionTarget("/a")).toEqual({ dir: "/", prefix: "a" });
    expect(completionTarget("")).toEqual({ dir: "/", prefix: "" });
    expect(completionTarget("apps/web/p")).toEqual({ dir: "/apps/web", prefix: "p" });
  });
});

describe("completionsFor", () => {
  const children = [{ key: "/apps/api", dir: true }, { key: "/apps/web", dir: true }, { key: "/apps/Worker" }, { key: "/apps/worker" }];
  it("lists children starting with the prefix, exact case first", () => {
    expect(completionsFor(children, "w").options.map((o) => o.name)).toEqual(["web", "worker", "Worker"]);
    expect(completionsFor(children, "").total).toBe(4);
    expect(completionsFor(children, "z").options).toEqual([]);
  });
  it("puts the name typed in full first", () => {
    expect(completionsFor([{ key: "/d/k70" }, { key: "/d/k7" }, { key: "/d/k71" }], "k7").options.map((o) => o.name)).toEqual(["k7", "k70", "k71"]);
  });
  it("caps the options but counts them all", () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ key: `/d/k${i}` }));
    const { options, total } = completionsFor(many, "k", 20);
    expect(options).toHaveLength(20);
    expect(total).toBe(500);
  });
});

describe("acceptCompletion and normalizeGoTo", () => {
  it("a directory gets a trailing slash, a key does not", () => {
    expect(acceptCompletion({ key: "/apps/web", name: "web", isDir: true })).toBe("/apps/web/");
    expect(acceptCompletion({ key: "/apps/worker", name: "worker", isDir: false })).toBe("/apps/worker");
  });
  it("normalizes a typed path or refuses an invalid one", () => {
    expect(normalizeGoTo("/apps/web/")).toBe("/apps/web");
    expect(normalizeGoTo("apps")).toBe("/apps");
    expect(normalizeGoTo("/")).toBe("/");
    expect(normalizeGoTo("  ")).toBeNull();
    expect(normalizeGoTo("/a//b")).toBeNull();
    expect(normalizeGoTo("/a/../b")).toBeNull();
  });
});

describe("moveActive", () => {
  it("wraps around and starts from either end", () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});
