// The server-only etcd v2 client. Knows nothing of Next.js; nothing in the browser imports it.
import "server-only";

export { EtcdClient } from "./client";
export { EtcdError, isEtcdError, type EtcdErrorKind } from "./errors";
export { keyFromSegments, parseKey, type KeyPath } from "./key-path";
export type { KeysResult } from "./decode";
export type { GetOptions, PutOptions, DeleteOptions } from "./keys";
export type { ClusterHealth, ClusterSnapshot, MemberSnapshot, MemberStatus } from "./cluster-status";
export type { PerMember } from "./member-probes";
export type { WatchItem, WatchOptions } from "./watch";
export { GUEST_ROLE } from "./auth-admin";
export type { AuthOverview, AuthRole, AuthUser, GuestAccess, KvPermissions, PermissionChange } from "./auth-admin-types";
export type { TransportOptions } from "./transport";
export type { V2Node, V2Response, V2Action, Member, SelfStats, LeaderStats, StoreStats, Versions } from "./wire";
