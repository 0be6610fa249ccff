import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { audited } from "@/lib/audit/log";
import { ADMIN_WRITE } from "@/lib/api/server/etcd-auth-admin";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/auth - auth on or off, whether the dashboard may manage it, a root user, guest's access
export const GET = apiRoute(async ({ request, params }) => requireCluster(params).client.auth.overview(request.signal), { role: "admin" });

// PUT /api/clusters/:cluster/auth - enable auth (needs a root user, and root credentials for the dashboard)
export const PUT = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    await audited({ user: user.name, cluster: name, operation: "auth-enable" }, () => client.auth.enable(request.signal));
    return { enabled: true };
  },
  ADMIN_WRITE,
);

// DELETE /api/clusters/:cluster/auth - disable auth
export const DELETE = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    await audited({ user: user.name, cluster: name, operation: "auth-disable" }, () => client.auth.disable(request.signal));
    return { enabled: false };
  },
  ADMIN_WRITE,
);
