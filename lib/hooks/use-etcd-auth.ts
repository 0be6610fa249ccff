"use client";
import useSWR, { useSWRConfig } from "swr";
import { authPath } from "@/lib/api/etcd-auth-client";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { AuthOverviewResponse, AuthRole, AuthUser } from "@/lib/api/types";

/** Auth on / off, guest's access, and whether the dashboard may manage auth on this cluster. */
export function useAuthOverview(cluster: string) {
  return useSWR<AuthOverviewResponse, ApiError>(authPath(cluster), apiFetch);
}

/** The user list; not asked for while etcd would refuse it (`manageable` false). */
export function useAuthUsers(cluster: string, manageable: boolean) {
  return useSWR<{ users: AuthUser[] }, ApiError>(manageable ? authPath(cluster, "/users") : null, apiFetch);
}

export function useAuthRoles(cluster: string, manageable: boolean) {
  return useSWR<{ roles: AuthRole[] }, ApiError>(manageable ? authPath(cluster, "/roles") : null, apiFetch);
}

/** After any auth change: status, users and roles read again (a change to one can show in the others). */
export function useRevalidateAuth() {
  const { mutate } = useSWRConfig();
  return (cluster: string) => {
    const prefix = authPath(cluster);
    return mutate((key) => typeof key === "string" && (key === prefix || key.startsWith(`${prefix}/`)));
  };
}
