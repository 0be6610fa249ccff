// The browser's calls to the etcd auth administration API: the API's shapes back, or an ApiError with a code.
import { apiFetch, clusterPath } from "./fetcher";
import type { CreateRoleBody, NarrowGuestBody, PatchRoleBody, PatchUserBody } from "./schemas";
import type { AuthRole, AuthUser, GuestAccess } from "./types";

export const authPath = (cluster: string, resource = "") => clusterPath(cluster, `auth${resource}`);
const userPath = (cluster: string, name: string) => authPath(cluster, `/users/${encodeURIComponent(name)}`);
const rolePath = (cluster: string, name: string) => authPath(cluster, `/roles/${encodeURIComponent(name)}`);

function send<T>(path: string, method: string, body?: unknown) {
  return apiFetch<T>(path, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}

export const enableAuth = (cluster: string) => send<{ enabled: true }>(authPath(cluster), "PUT");
export const disableAuth = (cluster: string) => send<{ enabled: false }>(authPath(cluster), "DELETE");
export const narrowGuest = (cluster: string, body: NarrowGuestBody) => send<{ guest: GuestAccess }>(authPath(cluster, "/narrow-guest"), "POST", body);

export const createUser = (cluster: string, name: string, password: string, roles: string[] = []) =>
  send<AuthUser>(userPath(cluster, name), "PUT", roles.length ? { password, roles } : { password });
export const changeUser = (cluster: string, name: string, change: PatchUserBody) => send<AuthUser>(userPath(cluster, name), "PATCH", change);
export const deleteUser = (cluster: string, name: string) => send<void>(userPath(cluster, name), "DELETE");

export const createRole = (cluster: string, name: string, body: CreateRoleBody) => send<AuthRole>(rolePath(cluster, name), "PUT", body);
export const changeRole = (cluster: string, name: string, change: PatchRoleBody) => send<AuthRole>(rolePath(cluster, name), "PATCH", change);
export const deleteRole = (cluster: string, name: string) => send<void>(rolePath(cluster, name), "DELETE");
