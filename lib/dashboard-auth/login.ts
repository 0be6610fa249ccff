// Logging in: the password checked against the user's scrypt hash, failures slowed down per client address
// and per user name (login-throttle.ts), and a new session on success. An unknown user name costs the same scrypt work as a wrong password, so the
// answer's timing doesn't tell which names exist.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { LoginBody } from "@/lib/api/schemas";
import { recordAudit } from "@/lib/audit/log";
import { accessSettings } from "@/lib/clusters";
import { hashPassword, verifyPassword } from "../../scripts/lib/password-hash.mjs";
import { authState } from "./access";
import type { SessionUser } from "./roles";

const globalDecoy = globalThis as typeof globalThis & { __etcdDashboardDecoyHash?: Promise<string> };

/** A hash nobody knows the password of, checked when the user name is unknown. */
function decoyHash(): Promise<string> {
  globalDecoy.__etcdDashboardDecoyHash ??= hashPassword(crypto.randomUUID());
  return globalDecoy.__etcdDashboardDecoyHash;
}

export interface LoggedIn {
  sessionId: string;
  user: SessionUser;
  maxAgeSeconds: number;
}

export async function logIn({ username, password }: LoginBody, client: string): Promise<LoggedIn> {
  const { throttle, sessions } = authState();
  // Reserved before the ~75 ms password check, so that parallel guesses can't all be checked.
  const admission = throttle.begin(client, username);
  if (!admission.ok) {
    const seconds = Math.ceil(admission.waitMs / 1000);
    throw ApiError.of("too_many_attempts", `Too many failed logins for this user or from your address: try again in ${seconds} s.`, { retryAfterSeconds: seconds });
  }
  const { users, sessionHours } = accessSettings();
  const configured = users.find((u) => u.name === username);
  const matches = await verifyPassword(password, configured?.passwordHash ?? (await decoyHash()));
  if (!configured || !matches) {
    // An unknown name is not recorded: people type their password into the name field.
    const who = configured ? configured.name : "(unknown user name)";
    console.warn(`[etcd-dashboard] failed login for ${who} from ${client}`);
    await recordAudit({ user: who, operation: "login-failed", options: { client }, result: { ok: false, code: "invalid_credentials", message: "Wrong user name or password." } });
    throw ApiError.of("invalid_credentials", "Wrong user name or password.");
  }
  throttle.succeeded(admission.attempt);
  const user: SessionUser = { name: configured.name, role: configured.role };
  await recordAudit({ user: user.name, operation: "login", options: { client, role: user.role }, result: { ok: true } });
  const maxAgeSeconds = sessionHours * 3600;
  return { sessionId: sessions.create(user, maxAgeSeconds * 1000), user, maxAgeSeconds };
}
