import { loginBodySchema } from "@/lib/api/schemas";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { json, publicRoute } from "@/lib/api/server/route";
import type { SessionResponse } from "@/lib/api/types";
import { recordAudit } from "@/lib/audit/log";
import { authState, clientAddress, currentUser, loginRequired, sessionIdFrom, userOfSession } from "@/lib/dashboard-auth/access";
import { logIn } from "@/lib/dashboard-auth/login";
import { clearedSessionCookie, isHttps, sessionCookie } from "@/lib/dashboard-auth/session-cookie";
import { accessSettings } from "@/lib/clusters";

export const dynamic = "force-dynamic";

// GET /api/session - who this browser is logged in as (user null when not), and whether a login is needed
export const GET = publicRoute(async ({ request }) => {
  const body: SessionResponse = { user: currentUser(request) ?? null, loginRequired: loginRequired(), readOnly: accessSettings().readOnly };
  return body;
});

// POST /api/session - log in with {username, password}; sets the session cookie
export const POST = publicRoute(
  async ({ request }) => {
    const body = await readJsonBody(request, loginBodySchema);
    const { sessionId, user, maxAgeSeconds } = await logIn(body, clientAddress(request));
    const response = json({ user, loginRequired: true, readOnly: accessSettings().readOnly } satisfies SessionResponse);
    response.headers.set("set-cookie", sessionCookie(sessionId, maxAgeSeconds, isHttps(request)));
    return response;
  },
  { mutating: true },
);

// DELETE /api/session - log out: the session is forgotten on the server and the cookie cleared
export const DELETE = publicRoute(
  async ({ request }) => {
    const id = sessionIdFrom(request.headers.get("cookie"));
    const user = id ? userOfSession(id) : undefined;
    if (id) authState().sessions.delete(id);
    if (user && loginRequired()) await recordAudit({ user: user.name, operation: "logout", options: { client: clientAddress(request) }, result: { ok: true } });
    return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(isHttps(request)), "cache-control": "no-store" } });
  },
  { mutating: true },
);
