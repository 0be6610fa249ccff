import { describe, expect, it } from "vitest";
import { contrastRatio } from "@/lib/colour/contrast";
import { darkEditorPalette, lightEditorPalette } from "./palette";

describe.each([
  ["light", lightEditorPalette],
  ["dark", darkEditorPalette],
])("the %s editor palette", (_name, palette) => {
  for (const [ink, colour] of Object.entries(palette.inks)) {
    for (const [ground, background] of Object.entries(palette.backgrounds)) {
      it(`${ink} on ${ground} reaches 4.5:1`, () => {
        expect(contrastRatio(colour, background)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
