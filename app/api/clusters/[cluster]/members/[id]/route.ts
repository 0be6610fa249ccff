import { memberIdParamSchema } from "@/lib/api/schemas";
import { apiRoute, requireCluster } from "@/lib/api/server/route";
import { parseInput } from "@/lib/api/server/request-guards";
import { audited } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

// DELETE /api/clusters/:cluster/members/:id - remove a member (it shuts itself down)
export const DELETE = apiRoute(
  async ({ params, user }) => {
    const { name, client } = requireCluster(params);
    const id = parseInput(memberIdParamSchema, params.id, "id");
    await audited({ user: user.name, cluster: name, operation: "member-remove", member: id }, () => client.cluster.removeMember(id));
    return new Response(null, { status: 204 });
  },
  { mutating: true, role: "admin" },
);
