import { createUserBodySchema, newUserNameSchema, patchUserBodySchema } from "@/lib/api/schemas";
import { ADMIN_WRITE, requireAuthTarget } from "@/lib/api/server/etcd-auth-admin";
import { apiRoute, json } from "@/lib/api/server/route";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { audited } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

// PUT /api/clusters/:cluster/auth/users/:name - create a user {password, roles?} (409 when it exists)
export const PUT = apiRoute(
  async ({ request, params, user }) => {
    const { cluster, client, name } = requireAuthTarget(params, newUserNameSchema);
    const { password, roles = [] } = await readJsonBody(request, createUserBodySchema);
    const options = roles.length ? { roles } : undefined;
    const created = await audited({ user: user.name, cluster, operation: "user-create", etcdUser: name, options }, () =>
      client.auth.createUser(name, password, roles, request.signal),
    );
    return json(created, 201);
  },
  ADMIN_WRITE,
);

// PATCH /api/clusters/:cluster/auth/users/:name - {password} | {grant: [role…]} | {revoke: [role…]}
export const PATCH = apiRoute(
  async ({ request, params, user }) => {
    const { cluster, client, name } = requireAuthTarget(params);
    const body = await readJsonBody(request, patchUserBodySchema);
    const base = { user: user.name, cluster, etcdUser: name };
    if ("password" in body) {
      return audited({ ...base, operation: "user-password" }, () => client.auth.changePassword(name, body.password, request.signal));
    }
    if ("grant" in body) {
      return audited({ ...base, operation: "user-grant", options: { roles: body.grant } }, () => client.auth.grantRoles(name, body.grant, request.signal));
    }
    return audited({ ...base, operation: "user-revoke", options: { roles: body.revoke } }, () => client.auth.revokeRoles(name, body.revoke, request.signal));
  },
  ADMIN_WRITE,
);

// DELETE /api/clusters/:cluster/auth/users/:name - delete a user (etcd refuses root while auth is on)
export const DELETE = apiRoute(
  async ({ request, params, user }) => {
    const { cluster, client, name } = requireAuthTarget(params);
    await audited({ user: user.name, cluster, operation: "user-delete", etcdUser: name }, () => client.auth.deleteUser(name, request.signal));
    return new Response(null, { status: 204 });
  },
  ADMIN_WRITE,
);
