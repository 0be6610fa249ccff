// Types for ensure.mjs (plain Node ESM so it runs before node_modules exists); keep in sync.
export { ensureEtcdInstalled } from "./etcd-harness.mjs";

export const CHROMIUM_BIN: string;
/** Run a command with inherited stdio; rejects with an Error carrying exitCode/signal. */
export function run(cmd: string, args: string[], opts?: { cwd?: string; env?: Record<string, string | undefined> }): Promise<void>;
/** `npm ci --no-audit --no-fund` when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules(): Promise<void>;
/** apt-get install chromium as root when /usr/bin/chromium is missing; otherwise throws the command to run. */
export function ensureChromium(): Promise<void>;
export const OPENSSL_BIN: string;
/** Installs openssl when it is missing (apt-get as root; otherwise throws the command to run). */
export function ensureOpenssl(): Promise<void>;
/** Whether .next/BUILD_ID is missing or older than a build input (app/, lib/, components/, configs). */
export function buildIsStale(): boolean;
/** `npm run build` when the production build is missing or stale. */
export function ensureBuild(): Promise<void>;
