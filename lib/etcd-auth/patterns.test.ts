import { describe, expect, it } from "vitest";
import { parsePatterns, permissionChange, roleChange } from "./patterns";

describe("etcd auth page patterns", () => {
  it("reads one pattern per line or comma, trimmed, without blanks or repeats", () => {
    expect(parsePatterns(" /app/*\n\n/shared , /app/*\n")).toEqual(["/app/*", "/shared"]);
    expect(parsePatterns("   ")).toEqual([]);
  });

  it("turns an edit into the grant and revoke etcd needs, or null when nothing changed", () => {
    const before = { read: ["/a/*", "/b"], write: ["/a/*"] };
    expect(permissionChange(before, { read: ["/b", "/a/*"], write: ["/a/*"] })).toBeNull();
    expect(permissionChange(before, { read: ["/a/*"], write: ["/a/*", "/c"] })).toEqual({
      grant: { read: [], write: ["/c"] },
      revoke: { read: ["/b"], write: [] },
    });
    expect(permissionChange(before, { read: ["/a/*", "/b", "/d"], write: ["/a/*"] })).toEqual({ grant: { read: ["/d"], write: [] } });
  });

  it("turns ticked roles into grants and revokes", () => {
    expect(roleChange(["a", "b"], ["b", "c"])).toEqual({ grant: ["c"], revoke: ["a"] });
    expect(roleChange([], [])).toEqual({ grant: [], revoke: [] });
  });
});
