// The browser's calls to the members API: etcd's member shape back, or an ApiError with a code.
import { apiFetch, clusterPath } from "./fetcher";
import type { AddMemberBody } from "./schemas";
import type { Member } from "./types";

export function addMember(cluster: string, body: AddMemberBody) {
  return apiFetch<Member>(clusterPath(cluster, "members"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function removeMember(cluster: string, id: string) {
  return apiFetch<void>(clusterPath(cluster, `members/${encodeURIComponent(id)}`), { method: "DELETE" });
}
