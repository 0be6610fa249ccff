import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/dashboard-auth/login-form";
import { LanguageMenu } from "@/components/layout/language-menu";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { loginRequired, sessionIdFrom, userOfSession } from "@/lib/dashboard-auth/access";
import { safeNextPath } from "@/lib/dashboard-auth/login-target";
import { pageTitle } from "@/lib/i18n/page-title";
import { serverTranslator } from "@/lib/i18n/server";

export const generateMetadata = () => pageTitle("login");

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  // No login configured, or already logged in: nothing to do here.
  if (!loginRequired() || userOfSession(sessionIdFrom((await headers()).get("cookie")))) redirect(next);
  const t = await serverTranslator();
  return (
    <main className="mx-auto mt-24 max-w-sm p-6">
      <div className="mb-6 flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("common.appName")}</h1>
        <div className="flex items-center gap-1">
          <LanguageMenu />
          <ThemeToggle />
        </div>
      </div>
      <LoginForm next={next} />
    </main>
  );
}
