"use client";
import { useEffect } from "react";
import { useTranslations } from "use-intl";
import { loginPath } from "@/lib/dashboard-auth/login-target";

/** Sends the browser to the login page, remembering where it was going. */
export function RedirectToLogin() {
  const t = useTranslations("dashboardAuth.redirect");
  useEffect(() => {
    window.location.replace(loginPath(window.location.pathname + window.location.search));
  }, []);
  return (
    <main className="p-8">
      <p role="status">
        {t.rich("text", { link: (chunks) => <a href="/login" className="underline">{chunks}</a> })}
      </p>
    </main>
  );
}
