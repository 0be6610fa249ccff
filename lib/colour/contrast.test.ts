import { describe, expect, it } from "vitest";
import { contrastRatio, parseColour } from "./contrast";

describe("contrastRatio", () => {
  it("is 21 for black on white and 1 for equal colours, whatever the notation", () => {
    expect(contrastRatio("#000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("rgb(255, 255, 255)", "#fff")).toBeCloseTo(1, 5);
  });

  it("matches WCAG's worked values (zinc-600 on white about 7.7:1)", () => {
    expect(contrastRatio("#52525b", "#ffffff")).toBeCloseTo(7.73, 1);
  });

  it("blends a translucent text colour over its background first", () => {
    expect(contrastRatio("rgba(0, 0, 0, 0)", "#ffffff")).toBeCloseTo(1, 5);
  });

  it("reads rgb() as browsers serialise it, and refuses what it cannot read", () => {
    expect(parseColour("rgba(1, 2, 3, 0.5)")).toEqual([1, 2, 3, 0.5]);
    expect(() => parseColour("oklch(0.5 0.1 20)")).toThrow();
  });
});
