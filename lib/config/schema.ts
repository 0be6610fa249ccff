// The dashboard's configuration: which etcd clusters it talks to, and how. Server-side only; nothing
// here ever comes from a browser request.
import { z } from "zod";
import { roleSchema } from "../dashboard-auth/roles";
import { KEYSPACES } from "../keyspaces/support";
import { PASSWORD_HASH_PATTERN } from "../../scripts/lib/password-hash.mjs";

export const DEFAULT_ENDPOINTS = ["http://127.0.0.1:2379", "http://127.0.0.1:4001"];
const DEFAULT_CLUSTER = "default";

const clusterNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, "a cluster name is 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");

const endpointSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a URL (expected http://host:port or https://host:port)` });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `"${value}": only http:// and https:// endpoints are supported` });
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "put credentials in username/password, not in the endpoint URL" });
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: `"${value}": an endpoint is scheme://host:port with no path or query` });
    }
  })
  .transform((value) => value.replace(/\/+$/, ""));

const timeoutSchema = z.number().int().min(100).max(600_000);

export const clusterConfigSchema = z
  .object({
    name: clusterNameSchema,
    endpoints: z.array(endpointSchema).min(1, "at least one endpoint"),
    username: z.string().min(1).optional(),
    password: z.string().optional(),
    tls: z
      .object({
        ca: z.string().min(1).optional().describe("path to a PEM CA bundle"),
        cert: z.string().min(1).optional().describe("path to a PEM client certificate"),
        key: z.string().min(1).optional().describe("path to the client certificate's PEM key"),
      })
      .strict()
      .optional(),
    /** Deadline of one read attempt, ms. */
    requestTimeoutMs: timeoutSchema.default(5_000),
    /** Deadline of one write attempt, ms: keep it above etcd's own 7 s. */
    writeTimeoutMs: timeoutSchema.default(10_000),
    /** How often the Cluster page's figures are refreshed from etcd, ms (one poll per interval, shared by all viewers). */
    statsIntervalMs: z.number().int().min(500).max(600_000).default(2_000),
    /** Refuse every write to this cluster through the dashboard (keys, members, etcd auth). */
    readOnly: z.boolean().default(false),
    /**
     * Also send requests (and the credentials) to the client URLs the members advertise, not only to
     * `endpoints`. Off: anyone who can add a member could otherwise have them sent to any URL.
     */
    discoverMembers: z.boolean().default(false),
    /**
     * The keyspaces shown for this cluster ("v2", "v3" or both); by default each one the cluster serves (v2 only
     * where etcd runs with --enable-v2=true and is older than 3.6).
     */
    keyspaces: z
      .array(z.enum(KEYSPACES, { message: 'a keyspace is "v2" or "v3"' }))
      .min(1, "at least one keyspace")
      .refine((list) => new Set(list).size === list.length, "each keyspace once")
      .optional(),
  })
  .strict()
  .refine((c) => (c.username === undefined) === (c.password === undefined), {
    message: "username and password go together",
    path: ["password"],
  })
  .refine((c) => !c.tls || (c.tls.cert === undefined) === (c.tls.key === undefined), {
    message: "a client certificate needs its key, and the key its certificate",
    path: ["tls"],
  });
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;

const userNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, "a user name is 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");

export const dashboardUserSchema = z
  .object({
    name: userNameSchema,
    /** From `npm run hash-password`: "scrypt$N$r$p$salt$hash". */
    passwordHash: z.string().regex(PASSWORD_HASH_PATTERN, 'a passwordHash is what `npm run hash-password` prints ("scrypt$N$r$p$salt$hash"), never the password itself'),
    role: roleSchema,
  })
  .strict();
export type DashboardUser = z.infer<typeof dashboardUserSchema>;

export const configFileSchema = z
  .object({
    clusters: z.array(clusterConfigSchema).min(1).optional(),
    /** Who may log in. With none, the dashboard serves anonymous users (with every role) on loopback only. */
    users: z.array(dashboardUserSchema).optional(),
    /** Refuse every write through the dashboard, on every cluster. */
    readOnly: z.boolean().optional(),
    /** How long a login lasts. */
    sessionHours: z.number().positive().max(24 * 30).optional(),
    /** A session with no request for this long ends (default 30). */
    sessionIdleMinutes: z.number().positive().max(24 * 60 * 30).optional(),
  })
  .strict()
  .refine((c) => !c.clusters || new Set(c.clusters.map((x) => x.name)).size === c.clusters.length, {
    message: "cluster names must be unique",
    path: ["clusters"],
  })
  .refine((c) => !c.users || new Set(c.users.map((u) => u.name)).size === c.users.length, {
    message: "user names must be unique",
    path: ["users"],
  });
export type ConfigFile = z.infer<typeof configFileSchema>;

const optionalInt = z
  .string()
  .regex(/^\d+$/, "a whole number of milliseconds")
  .transform(Number)
  .optional();

/** The environment variables the dashboard reads; all optional. */
export const envSchema = z.object({
  ETCD_ENDPOINTS: z.string().optional(),
  ETCD_USERNAME: z.string().min(1).optional(),
  ETCD_PASSWORD: z.string().optional(),
  ETCD_CA_FILE: z.string().min(1).optional(),
  ETCD_CERT_FILE: z.string().min(1).optional(),
  ETCD_KEY_FILE: z.string().min(1).optional(),
  ETCD_TIMEOUT_MS: optionalInt,
  ETCD_STATS_INTERVAL_MS: optionalInt,
  /** The default cluster's keyspaces, comma-separated ("v3", "v2,v3"); checked by the cluster schema. */
  ETCD_KEYSPACES: z.string().optional(),
  ETCD_DASHBOARD_CONFIG: z.string().min(1).optional(),
  ETCD_DASHBOARD_AUDIT_LOG: z.string().min(1).optional(),
  ETCD_DASHBOARD_FAST_PATH: z.enum(["true", "false", ""], { message: 'ETCD_DASHBOARD_FAST_PATH is "true" or "false"' }).optional(),
  ETCD_DASHBOARD_TRUST_PROXY: z.enum(["true", "false", ""], { message: 'ETCD_DASHBOARD_TRUST_PROXY is "true" or "false"' }).optional(),
  ETCD_DASHBOARD_READ_ONLY: z.enum(["true", "false", ""], { message: 'ETCD_DASHBOARD_READ_ONLY is "true" or "false"' }).optional(),
  ETCD_DASHBOARD_ALLOW_ANONYMOUS: z.enum(["true", "false", ""], { message: 'ETCD_DASHBOARD_ALLOW_ANONYMOUS is "true" or "false"' }).optional(),
  ETCD_DASHBOARD_TEST_PAGES: z.enum(["true", "false", ""], { message: 'ETCD_DASHBOARD_TEST_PAGES is "true" or "false"' }).optional(),
});
export type DashboardEnv = z.infer<typeof envSchema>;

/** The `default` cluster from the environment (used unless the config file defines one). */
function defaultClusterFromEnv(env: DashboardEnv): unknown {
  const endpoints = env.ETCD_ENDPOINTS?.trim()
    ? env.ETCD_ENDPOINTS.split(",").map((e) => e.trim()).filter(Boolean)
    : DEFAULT_ENDPOINTS;
  const tls =
    env.ETCD_CA_FILE || env.ETCD_CERT_FILE || env.ETCD_KEY_FILE
      ? { ca: env.ETCD_CA_FILE, cert: env.ETCD_CERT_FILE, key: env.ETCD_KEY_FILE }
      : undefined;
  return {
    name: DEFAULT_CLUSTER,
    endpoints,
    username: env.ETCD_USERNAME,
    password: env.ETCD_USERNAME ? (env.ETCD_PASSWORD ?? "") : env.ETCD_PASSWORD,
    tls,
    requestTimeoutMs: env.ETCD_TIMEOUT_MS,
    statsIntervalMs: env.ETCD_STATS_INTERVAL_MS,
    keyspaces: env.ETCD_KEYSPACES?.trim() ? env.ETCD_KEYSPACES.split(",").map((k) => k.trim()) : undefined,
    readOnly: false,
  };
}

/** Every cluster: those of the config file, plus `default` from the environment unless the file has one. */
export function resolveClusters(env: DashboardEnv, file: ConfigFile | undefined): ClusterConfig[] {
  const fromFile = file?.clusters ?? [];
  if (fromFile.some((c) => c.name === DEFAULT_CLUSTER)) return fromFile;
  const parsed = clusterConfigSchema.safeParse(defaultClusterFromEnv(env));
  if (!parsed.success) throw new ConfigError("the environment (ETCD_*)", parsed.error);
  return [parsed.data, ...fromFile];
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(source: string, detail: z.ZodError | string) {
    super(`Invalid configuration in ${source}:\n${typeof detail === "string" ? detail : z.prettifyError(detail)}`);
  }
}
