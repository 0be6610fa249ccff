// Remembers the language chosen with the switch (components/layout/language-menu.tsx). Only the preference is
// stored; the server reads it for the next render (lib/i18n/server.ts), before the browser's Accept-Language.
import { LOCALE_COOKIE, type Locale } from "./locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The Set-Cookie-style text written to document.cookie (exported for its unit test). */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

export function rememberLocale(locale: Locale): void {
  document.cookie = localeCookie(locale);
}
