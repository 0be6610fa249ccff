// Types for host-policy.mjs (plain Node ESM: scripts/server.mjs runs it without a build); keep in sync.
import type { IncomingHttpHeaders } from "node:http";

export const ALLOWED_HOSTS_ENV: "ETCD_DASHBOARD_ALLOWED_HOSTS";
export interface HostPolicy {
  any: boolean;
  names: Set<string>;
  suffixes: string[];
  trustProxy: boolean;
}
export function hostPolicy(listenHost: string, env: Record<string, string | undefined>): HostPolicy;
export function hostName(header: string): string;
export function hostAllowed(policy: HostPolicy, header: string): boolean;
export function refusedHost(policy: HostPolicy, headers: IncomingHttpHeaders): string | null;
export function hostRefusal(host: string): { status: number; code: string; message: string };
