// Pages before login: with users configured, a browser without a live session gets a redirect to the login
// page and nothing else. This runs in scripts/server.mjs before Next.js renders anything, because Next.js
// renders a page in parallel with its layouts: a layout that declines to show its children does not stop
// the page's own output (the home page's cluster names) from reaching the browser in the RSC payload.
import "server-only";
import { sessionIdFrom, userOfSession } from "./access";
import { loginPath, safeNextPath } from "./login-target";

/** What is served without a session: the login page, Next.js's own assets, and the API (which answers 401 itself). */
function isPublic(path: string): boolean {
  return path === "/login" || path.startsWith("/_next/") || path.startsWith("/__nextjs") || path === "/api" || path.startsWith("/api/");
}

/** Where to send a request for a page that its cookie does not allow (the login page), or undefined to serve it. */
export function loginRedirectFor(rawUrl: string, cookieHeader: string | undefined): string | undefined {
  const path = rawUrl.split("?", 1)[0] ?? "/";
  if (isPublic(path)) return undefined;
  if (userOfSession(sessionIdFrom(cookieHeader ?? null))) return undefined;
  return loginPath(safeNextPath(rawUrl));
}
