// WCAG 2 contrast between two colours, for the checks that our themes stay readable (unit tests on the
// palettes, e2e on what the browser really rendered). Accepts #rgb, #rrggbb and CSS rgb()/rgba() strings.

export type Rgba = [r: number, g: number, b: number, a: number];

export function parseColour(colour: string): Rgba {
  const text = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join("") : hex[1]!;
    const n = parseInt(digits, 16);
    return [n >> 16, (n >> 8) & 255, n & 255, 1];
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(text);
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length >= 3 && parts.every((p) => Number.isFinite(p))) return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  }
  throw new Error(`Not a colour this helper reads: ${colour}`);
}

/** `top` painted over an opaque `bottom` (alpha blending), opaque. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio (1 to 21) of text `foreground` on `background`; a translucent foreground is blended first. */
export function contrastRatio(foreground: string | Rgba, background: string | Rgba): number {
  const bg = typeof background === "string" ? parseColour(background) : background;
  const fgRaw = typeof foreground === "string" ? parseColour(foreground) : foreground;
  const fg = fgRaw[3] < 1 ? over(fgRaw, bg) : fgRaw;
  const [light, dark] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
