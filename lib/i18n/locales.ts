// The languages the dashboard speaks. English is complete by definition (its catalogue is the source);
// every other catalogue must have the same keys (lib/i18n/catalogues.test.ts).

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The user's explicit choice, remembered by the language switch. Only the preference, never data. */
export const LOCALE_COOKIE = "etcd-dashboard-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language of a request: the remembered choice if there is one, else the first language of the browser's
 * Accept-Language (by quality) that the dashboard speaks, matched on its primary subtag ("zh", "zh-Hans",
 * "zh-TW" -> zh-CN: the one Chinese catalogue), else English.
 */
export function negotiateLocale(chosen: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    const match = LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === primary);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
