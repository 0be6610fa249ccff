// Types for bind-policy.mjs (plain Node ESM: scripts/server.mjs runs it without a build); keep in sync.
export const ALLOW_ANONYMOUS_ENV: "ETCD_DASHBOARD_ALLOW_ANONYMOUS";
export function isLoopback(hostname: string): boolean;
export function loginConfigured(env: Record<string, string | undefined>): boolean;
export function anonymousBindProblem(hostname: string, env: Record<string, string | undefined>): string | null;
