import type { Metadata } from "next";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n-provider";
import { SkipLink } from "@/components/layout/skip-link";
import { requestLocale, serverTranslator } from "@/lib/i18n/server";
import { Providers } from "./providers";
import "./globals.css";

// Every page is rendered per request: its scripts carry that response's CSP nonce (scripts/server.mjs).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await serverTranslator();
  return { title: t("common.appName"), description: t("common.appDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen bg-canvas text-fg">
        <I18nProvider locale={locale}>
          <SkipLink />
          <Providers>{children}</Providers>
        </I18nProvider>
      </body>
    </html>
  );
}
