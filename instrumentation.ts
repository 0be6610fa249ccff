// Validates the configuration when the server starts, so a mistake is reported at once, in plain words,
// rather than on the first request; then offers scripts/server.mjs the fast path for key reads (it lives
// in Next.js's own build of lib/, so it shares the clusters, sessions and clients with the routes).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigurationOrExit } = await import("./lib/startup");
    validateConfigurationOrExit();
    // ETCD_DASHBOARD_FAST_PATH=false leaves every request to Next.js (to compare, or to rule the fast path out).
    if (process.env.ETCD_DASHBOARD_FAST_PATH !== "false") {
      const { serveFast } = await import("./lib/api/server/fast-path");
      (globalThis as { __etcdDashboardFastPath?: typeof serveFast }).__etcdDashboardFastPath = serveFast;
    }
  }
}
