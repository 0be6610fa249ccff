// Types for test-args.mjs; keep in sync.
export function parseTestArgs(argv: string[], steps: string[], aliases?: Record<string, string>): string[];
