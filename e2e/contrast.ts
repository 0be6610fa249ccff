// Measures the contrast of what the browser really rendered: every piece of text inside an element (each
// token span of a CodeMirror editor, its gutter numbers ...) against the first opaque background behind it.
import type { Locator } from "@playwright/test";
import { contrastRatio, over, parseColour, type Rgba } from "../lib/colour/contrast";

export interface TextContrast {
  text: string;
  colour: string;
  background: string;
  ratio: number;
}

interface Sample {
  text: string;
  colour: string;
  /** Background colours from the text's element outwards, up to the first opaque one. */
  backgrounds: string[];
}

/** Every non-blank text inside `root` (an element the test found by role), with its contrast. */
export async function textContrasts(root: Locator): Promise<TextContrast[]> {
  const samples = await root.evaluate((element): Sample[] => {
    const out: Sample[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.getClientRects().length === 0) continue;
      const backgrounds: string[] = [];
      for (let e: Element | null = parent; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg === "transparent" || /rgba\(.*,\s*0\)$/.test(bg)) continue;
        backgrounds.push(bg);
        if (!bg.startsWith("rgba")) break;
      }
      out.push({ text, colour: getComputedStyle(parent).color, backgrounds });
    }
    return out;
  });
  return samples.map(({ text, colour, backgrounds }) => {
    // Blend translucent backgrounds from the outermost (opaque, or the white page) inwards.
    const background = backgrounds.reduceRight<Rgba>((below, bg) => over(parseColour(bg), below), [255, 255, 255, 1]);
    return { text, colour, background: `rgb(${background.slice(0, 3).map(Math.round).join(", ")})`, ratio: contrastRatio(colour, background) };
  });
}
