"use client";
// The language of a page the server could not render with its layout (app/global-error.tsx replaces the root
// layout, which normally brings the language): the remembered choice, else the browser's languages, read in
// the browser. The server render and the hydration use English (the same text on both sides), then React
// re-renders in the browser's language.
import { useSyncExternalStore } from "react";
import { DEFAULT_LOCALE, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

function browserLocale(): Locale {
  const remembered = document.cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale(remembered && decodeURIComponent(remembered), navigator.languages.join(","));
}

const subscribe = () => () => {};

export function useBrowserLocale(): Locale {
  return useSyncExternalStore(subscribe, browserLocale, () => DEFAULT_LOCALE);
}
