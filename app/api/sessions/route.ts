import { sessionsQuerySchema } from "@/lib/api/schemas";
import { readQuery } from "@/lib/api/server/request-guards";
import { apiRoute } from "@/lib/api/server/route";
import type { LoggedOutEverywhereResponse } from "@/lib/api/types";
import { clientAddress } from "@/lib/dashboard-auth/access";
import { logOutEverywhere, sessionsByUser } from "@/lib/dashboard-auth/log-out-everywhere";

export const dynamic = "force-dynamic";

// GET /api/sessions - every configured user and how many live sessions they have (admin)
export const GET = apiRoute(async () => sessionsByUser(), { role: "admin" });

// DELETE /api/sessions?user=NAME - log that user out everywhere: yourself with any role, anyone as an admin
export const DELETE = apiRoute(
  async ({ request, user }) => {
    const { user: name } = readQuery(request, sessionsQuerySchema);
    const body: LoggedOutEverywhereResponse = { ended: await logOutEverywhere(user, name, clientAddress(request)) };
    return body;
  },
  { mutating: true, role: "viewer" },
);
