import { addMemberBodySchema } from "@/lib/api/schemas";
import { apiRoute, json, requireCluster } from "@/lib/api/server/route";
import { readJsonBody } from "@/lib/api/server/request-guards";
import { audited } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

// GET /api/clusters/:cluster/members - the cluster's members (dead ones are listed too)
export const GET = apiRoute(async ({ request, params }) => ({
  members: await requireCluster(params).client.cluster.members(request.signal),
}));

// POST /api/clusters/:cluster/members - add a member by its peer URLs
export const POST = apiRoute(
  async ({ request, params, user }) => {
    const { name, client } = requireCluster(params);
    const body = await readJsonBody(request, addMemberBodySchema);
    const member = await audited({ user: user.name, cluster: name, operation: "member-add", options: { peerURLs: body.peerURLs } }, () => client.cluster.addMember(body.peerURLs), (m) => ({ action: `added ${m.id}` }));
    return json(member, 201);
  },
  { mutating: true, role: "admin" },
);
