import { narrowGuestBodySchema } from "@/lib/api/schemas";
import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { audited } from "@/lib/audit/log";
import { ADMIN_WRITE } from "@/lib/api/server/etcd-auth-admin";
import { GUEST_ROLE } from "@/lib/etcd";

export const dynamic = "force-dynamic";

// POST /api/clusters/:cluster/auth/narrow-guest - {read?: boolean}: guest loses write "/*" (and read "/*" when read is true)
export const POST = apiRoute(
  async ({ request, params, user }) => {
    const { name: cluster, client } = requireCluster(params);
    const { read = false } = await readJsonBody(request, narrowGuestBodySchema);
    const guest = await audited({ user: user.name, cluster, operation: "guest-narrow", etcdRole: GUEST_ROLE, options: { read } }, () =>
      client.auth.narrowGuest({ read }, request.signal),
    );
    return { guest };
  },
  ADMIN_WRITE,
);
