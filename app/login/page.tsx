import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/dashboard-auth/login-form";
import { loginRequired, sessionIdFrom, userOfSession } from "@/lib/dashboard-auth/access";
import { safeNextPath } from "@/lib/dashboard-auth/login-target";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => pageTitle("login");

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  // No login configured, or already logged in: nothing to do here.
  if (!loginRequired() || userOfSession(sessionIdFrom((await headers()).get("cookie")))) redirect(next);
  return (
    <main className="mx-auto mt-24 max-w-sm p-6">
      <h1 className="mb-6 text-2xl font-semibold">etcd dashboard</h1>
      <LoginForm next={next} />
    </main>
  );
}
