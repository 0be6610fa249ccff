import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { AccessProvider } from "@/components/dashboard-auth/access-provider";
import { RedirectToLogin } from "@/components/dashboard-auth/redirect-to-login";
import { ConnectionBanner } from "@/components/errors/connection-banner";
import { Sidebar } from "@/components/layout/sidebar";
import { CommandRegistryProvider } from "@/lib/commands/registry";
import { loginRequired, sessionIdFrom, userOfSession } from "@/lib/dashboard-auth/access";
import type { AccessSnapshot } from "@/lib/dashboard-auth/access-view";
import { accessSettings, listClusters } from "@/lib/clusters";

// Every dashboard page needs a session when users are configured. scripts/server.mjs already answers a
// page request without one with a redirect to the login page (lib/dashboard-auth/page-gate.ts: Next.js would
// render the page beside this layout anyway); this check covers a session that ends while a tab is open.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = userOfSession(sessionIdFrom((await headers()).get("cookie")));
  if (!user) return <RedirectToLogin />;
  const access: AccessSnapshot = {
    user,
    loginRequired: loginRequired(),
    readOnly: accessSettings().readOnly,
    readOnlyClusters: listClusters()
      .filter((c) => c.readOnly)
      .map((c) => c.name),
  };
  return (
    <AccessProvider value={access}>
      <CommandRegistryProvider>
        <div className="flex min-h-screen flex-col md:flex-row">
          {/* No Suspense boundary: the pages are dynamic (this layout reads the session), and a boundary would
              let the sidebar stream after the page and appear up to 300 ms after it (React batches reveals). */}
          <Sidebar />
          <div className="min-w-0 flex-1">
            <ConnectionBanner />
            {children}
          </div>
          <Toaster position="bottom-right" richColors closeButton />
        </div>
      </CommandRegistryProvider>
    </AccessProvider>
  );
}
