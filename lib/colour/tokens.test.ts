// Every text token on every background token it can stand on, in light and in dark: at least 4.5:1 (WCAG AA for
// normal text), read from app/globals.css itself so a token changed there is checked here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast";

const css = readFileSync(path.join(__dirname, "../../app/globals.css"), "utf8");

/** The custom properties of the first block opened by `selector` ("--name: value;" lines, comments dropped). */
function tokensOf(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in globals.css`);
  const block = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]));
}

const TEXT = ["fg", "muted", "danger", "warning", "success", "info"];
const BACKGROUNDS = ["canvas", "surface", "subtle", "hover"];
/** Each tone's text on its own soft background (a banner, a badge). */
const TONES = ["danger", "warning", "success", "info"];

for (const [theme, selector] of [
  ["light", ":root"],
  ["dark", ".dark"],
] as const) {
  describe(`colour tokens, ${theme}`, () => {
    const tokens = tokensOf(selector);
    it("text on every background reaches 4.5:1", () => {
      const failing = TEXT.flatMap((text) =>
        BACKGROUNDS.map((bg) => ({ pair: `${text} on ${bg}`, ratio: contrastRatio(tokens[text]!, tokens[bg]!) })).filter(({ ratio }) => ratio < 4.5),
      );
      expect(failing).toEqual([]);
    });
    it("each tone on its soft background, the accent's and the highlight's own text reach 4.5:1", () => {
      for (const tone of TONES) expect(contrastRatio(tokens[tone]!, tokens[`${tone}-soft`]!), tone).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(tokens["on-accent"]!, tokens.accent!)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(tokens["on-danger"]!, tokens["danger-solid"]!)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(tokens["on-highlight"]!, tokens.highlight!)).toBeGreaterThanOrEqual(4.5);
    });
  });
}
