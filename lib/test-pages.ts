// Pages that exist only for the end-to-end tests (app/(dashboard)/test-pages/): a page that throws, for the
// error boundary. "Page not found" unless the server was started with ETCD_DASHBOARD_TEST_PAGES=true
// (e2e/global-setup.ts), so a production server never shows them.

export function testPagesEnabled(env: Record<string, string | undefined>): boolean {
  return env.ETCD_DASHBOARD_TEST_PAGES === "true";
}
