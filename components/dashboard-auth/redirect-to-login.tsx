"use client";
import { useEffect } from "react";
import { loginPath } from "@/lib/dashboard-auth/login-target";

/** Sends the browser to the login page, remembering where it was going. */
export function RedirectToLogin() {
  useEffect(() => {
    window.location.replace(loginPath(window.location.pathname + window.location.search));
  }, []);
  return (
    <main className="p-8">
      <p role="status">
        You need to log in. <a href="/login" className="underline">Go to the login page</a>.
      </p>
    </main>
  );
}
