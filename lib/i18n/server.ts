import "server-only";
import { cookies, headers } from "next/headers";
import { createTranslator } from "use-intl/core";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";
import { MESSAGES } from "./messages";

/** The language of the request being rendered: the remembered choice, else the browser's languages. */
export async function requestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

/** t() for server components and metadata, in the request's language. */
export async function serverTranslator() {
  const locale = await requestLocale();
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
