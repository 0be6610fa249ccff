import { describe, expect, it } from "vitest";
import { auditLine, describeWrite } from "./entry";

describe("describeWrite", () => {
  it("keeps conditions and options apart and never the value", () => {
    expect(describeWrite({ value: "s3cret", prevIndex: 7, prevValue: "old", ttl: 30, dir: undefined })).toEqual({
      conditions: { prevIndex: 7, prevValue: "old" },
      options: { ttl: 30 },
    });
    expect(describeWrite({ value: "x" })).toEqual({});
  });
});

describe("auditLine", () => {
  it("is one JSON line", () => {
    const line = auditLine({ time: "t", user: "anonymous", cluster: "c", operation: "put", key: "/a\nb", result: { ok: true, index: 3 } });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ time: "t", user: "anonymous", cluster: "c", operation: "put", key: "/a\nb", result: { ok: true, index: 3 } });
  });
});
