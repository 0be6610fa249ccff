// Pages that exist only for the end-to-end tests (app/(dashboard)/(with-loading-page)/test-pages/): a page
// that throws, for the error boundary, and one slow to render, for the loading skeleton. "Page not found"
// unless the server was started with ETCD_DASHBOARD_TEST_PAGES=true (e2e/global-setup.ts), so a production
// server never shows them.

export function testPagesEnabled(env: Record<string, string | undefined>): boolean {
  return env.ETCD_DASHBOARD_TEST_PAGES === "true";
}

/** How long the slow page waits: `ms` from its query, at most 5 s. */
export function slowPageDelayMs(ms: string | string[] | undefined): number {
  const value = Number([ms].flat()[0]);
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 5_000) : 1_000;
}
