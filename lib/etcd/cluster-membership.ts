// The member list and its changes, the leader, and etcd's list of client URLs (etcd-v2-api.md §7).
import "server-only";
import { decodeJson, errorFromResponse, expectMembersNoContent, isMembersAnswer, notEtcdsAnswer } from "./decode";
import { EtcdError } from "./errors";
import type { EtcdTransport } from "./transport";
import { memberSchema, membersSchema, type Member } from "./wire";

export async function listMembers(transport: EtcdTransport, signal?: AbortSignal): Promise<Member[]> {
  const res = await transport.request({ method: "GET", path: "/v2/members", idempotent: true, signal });
  return decodeJson(res, membersSchema, "members").members;
}

/** The leader member; "raft-error" style failure (HTTP 503) while an election runs. */
export async function findLeader(transport: EtcdTransport, signal?: AbortSignal): Promise<Member> {
  const res = await transport.request({ method: "GET", path: "/v2/members/leader", idempotent: true, signal });
  if (res.status === 503) {
    throw new EtcdError("raft-error", "The cluster has no leader right now (election in progress, or no quorum).", {
      status: 503,
      retryable: true,
    });
  }
  return decodeJson(res, memberSchema, "leader");
}

/** Client URLs of started members, dead ones included (text/plain "a, b"). */
export async function listMachines(transport: EtcdTransport, signal?: AbortSignal): Promise<string[]> {
  const res = await transport.request({ method: "GET", path: "/v2/machines", idempotent: true, signal });
  if (res.status !== 200) throw errorFromResponse(res);
  return (res.body ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

/** Adds a member by its peer URLs; start it afterwards with --initial-cluster-state existing. */
export async function addMember(transport: EtcdTransport, peerURLs: string[], signal?: AbortSignal): Promise<Member> {
  const res = await transport.request({ method: "POST", path: "/v2/members", json: { peerURLs }, idempotent: false, signal });
  // etcd answers 201 Created with its cluster id; any other success is not etcd's.
  if (res.status >= 200 && res.status < 300 && !(res.status === 201 && isMembersAnswer(res))) throw notEtcdsAnswer(res, "member addition");
  return decodeJson(res, memberSchema, "member");
}

export async function updateMemberPeers(transport: EtcdTransport, id: string, peerURLs: string[], signal?: AbortSignal): Promise<void> {
  const res = await transport.request({ method: "PUT", path: `/v2/members/${encodeURIComponent(id)}`, json: { peerURLs }, idempotent: true, signal });
  expectMembersNoContent(res, "member update");
}

/** Removes a member; the removed member shuts itself down. */
export async function removeMember(transport: EtcdTransport, id: string, signal?: AbortSignal): Promise<void> {
  const res = await transport.request({ method: "DELETE", path: `/v2/members/${encodeURIComponent(id)}`, idempotent: false, signal });
  expectMembersNoContent(res, "member removal");
}
