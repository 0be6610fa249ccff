// Types for security-headers.mjs (plain Node ESM: scripts/server.mjs runs it without a build); keep in sync.
export function newNonce(): string;
export function contentSecurityPolicy(nonce: string, options?: { dev?: boolean }): string;
export function securityHeaders(nonce: string, options?: { dev?: boolean }): Record<string, string>;
