import { describe, expect, it } from "vitest";
import { durationParts, ttlTone } from "./ttl-tone";

describe("ttlTone", () => {
  it("is calm from a minute, amber under 60 s, red under 10 s", () => {
    expect(ttlTone(3600)).toBe("calm");
    expect(ttlTone(60)).toBe("calm");
    expect(ttlTone(59)).toBe("warning");
    expect(ttlTone(10)).toBe("warning");
    expect(ttlTone(9)).toBe("danger");
    expect(ttlTone(0)).toBe("danger");
  });
});

describe("durationParts", () => {
  it("keeps seconds below an hour and the two largest units above", () => {
    expect(durationParts(42)).toEqual({ unit: "s", s: 42 });
    expect(durationParts(252)).toEqual({ unit: "ms", m: 4, s: 12 });
    expect(durationParts(3720)).toEqual({ unit: "hm", h: 1, m: 2 });
    expect(durationParts(90_061)).toEqual({ unit: "dh", d: 1, h: 1 });
    expect(durationParts(-3)).toEqual({ unit: "s", s: 0 });
  });
});
