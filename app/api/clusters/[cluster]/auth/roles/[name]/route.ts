import { createRoleBodySchema, patchRoleBodySchema } from "@/lib/api/schemas";
import { ADMIN_WRITE, requireAuthTarget } from "@/lib/api/server/etcd-auth-admin";
import { apiRoute, json } from "@/lib/api/server/route";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { audited } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

// PUT /api/clusters/:cluster/auth/roles/:name - create a role {read: [pattern…], write: [pattern…]} (409 when it exists)
export const PUT = apiRoute(
  async ({ request, params, user }) => {
    const { cluster, client, name } = requireAuthTarget(params);
    const permissions = await readJsonBody(request, createRoleBodySchema);
    const created = await audited({ user: user.name, cluster, operation: "role-create", etcdRole: name, options: permissions }, () =>
      client.auth.createRole(name, permissions, request.signal),
    );
    return json(created, 201);
  },
  ADMIN_WRITE,
);

// PATCH /api/clusters/:cluster/auth/roles/:name - {grant?: {read?, write?}, revoke?: {read?, write?}} in one etcd write
export const PATCH = apiRoute(
  async ({ request, params, user }) => {
    const { cluster, client, name } = requireAuthTarget(params);
    const change = await readJsonBody(request, patchRoleBodySchema);
    const operation = change.grant && change.revoke ? "role-update" : change.grant ? "role-grant" : "role-revoke";
    return audited({ user: user.name, cluster, operation, etcdRole: name, options: change }, () => client.auth.changeRole(name, change, request.signal));
  },
  ADMIN_WRITE,
);

// DELETE /api/clusters/:cluster/auth/roles/:name - delete a role (etcd refuses root)
export const DELETE = apiRoute(
  async ({ request, params, user }) => {
    const { cluster, client, name } = requireAuthTarget(params);
    await audited({ user: user.name, cluster, operation: "role-delete", etcdRole: name }, () => client.auth.deleteRole(name, request.signal));
    return new Response(null, { status: 204 });
  },
  ADMIN_WRITE,
);
