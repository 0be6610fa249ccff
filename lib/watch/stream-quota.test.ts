import { describe, expect, it } from "vitest";
import { StreamQuota } from "./stream-quota";

describe("StreamQuota", () => {
  it("refuses an owner's stream beyond the cap with too_many_streams, and counts owners apart", () => {
    const quota = new StreamQuota(2);
    const releases = [quota.acquire("a"), quota.acquire("a")];
    expect(() => quota.acquire("a")).toThrow(expect.objectContaining({ code: "too_many_streams", status: 429 }));
    expect(() => quota.acquire("b")).not.toThrow();
    releases[0]!();
    releases[0]!(); // a second release gives nothing back twice
    expect(quota.count("a")).toBe(1);
    expect(() => quota.acquire("a")).not.toThrow();
  });
});
