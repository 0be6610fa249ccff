"use client";
import { useEffect } from "react";
import { createTranslator } from "use-intl";
import { I18nProvider } from "@/components/i18n-provider";
import { ErrorView, type ErrorViewProps } from "@/components/layout/error-view";
import { useBrowserLocale } from "@/lib/i18n/browser-locale";
import { MESSAGES } from "@/lib/i18n/messages";
import { applyTheme, storedTheme } from "@/lib/theme";
import "./globals.css";

// The root layout itself failed: this replaces it, so it brings its own <html> and <body>, the styles, the
// user's theme (the sidebar's toggle set it on the <html> this one replaces) and the language.
export default function GlobalError(props: ErrorViewProps) {
  useEffect(() => applyTheme(storedTheme()), []);
  const locale = useBrowserLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (
    <html lang={locale}>
      <head>
        <title>{t("common.errorTitle", { app: t("common.appName") })}</title>
      </head>
      <body className="min-h-screen bg-canvas text-fg">
        <I18nProvider locale={locale}>
          <ErrorView {...props} />
        </I18nProvider>
      </body>
    </html>
  );
}
