// Validates the configuration when the server starts, so a mistake is reported at once, in plain words,
// rather than on the first request. Also exports the fast path for key reads and the pages' login gate,
// which scripts/server.mjs takes from this module as Next.js compiled it (scripts/lib/key-read-fast-path.mjs):
// built here, they share the clusters, sessions and clients with the routes.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigurationOrExit } = await import("./lib/startup");
    validateConfigurationOrExit();
  }
}

/** lib/dashboard-auth/page-gate.ts's loginRedirectFor, which scripts/server.mjs asks before any page is rendered. */
export async function pageLoginGate() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { loginRedirectFor } = await import("./lib/dashboard-auth/page-gate");
    return loginRedirectFor;
  }
  throw new Error("The page login gate runs in Node.js only.");
}

/** lib/api/server/fast-path.ts's serveFast (the NEXT_RUNTIME test keeps it out of the edge build). */
export async function keyReadFastPath() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serveFast } = await import("./lib/api/server/fast-path");
    return serveFast;
  }
  throw new Error("The fast path for key reads runs in Node.js only.");
}
