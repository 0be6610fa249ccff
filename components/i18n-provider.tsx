"use client";
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { useTimeZone } from "@/lib/i18n/time-zone";

/** Every client component's t() and formatters (use-intl's useTranslations / useFormatter), in the page's language. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const timeZone = useTimeZone();
  return (
    <IntlProvider locale={locale} messages={MESSAGES[locale]} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}
