// A dashboard of a spec's own, on a private etcd, with logins: users of the given roles (cheap password
// hashes), and a logged-in session cookie for each, for specs that need several users at once.
import { hashPassword } from "../scripts/lib/password-hash.mjs";
import { startOwnEtcd, type OwnEtcd } from "./own-etcd";

// A cheap scrypt cost keeps the logins quick; the hash format and the check are those of real hashes.
const CHEAP = { N: 1024, r: 8, p: 1 };

export interface OwnUser {
  name: string;
  role: "viewer" | "editor" | "admin";
}

export interface OwnUsersDashboard extends OwnEtcd {
  /** "name=value" of a session of each user, by user name. */
  cookies: Record<string, string>;
}

export async function startOwnUsersDashboard(name: string, users: readonly OwnUser[]): Promise<OwnUsersDashboard> {
  const password = (user: OwnUser) => `${user.name}-password`;
  const configured = await Promise.all(users.map(async (user) => ({ ...user, passwordHash: await hashPassword(password(user), CHEAP) })));
  const own = await startOwnEtcd(name, (url) => [{ name: "default", endpoints: [url] }], {}, { users: configured });
  const cookies: Record<string, string> = {};
  try {
    for (const user of users) {
      const response = await fetch(`${own.dashboard.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: own.dashboard.url },
        body: JSON.stringify({ username: user.name, password: password(user) }),
      });
      if (response.status !== 200) throw new Error(`logging in ${user.name}: HTTP ${response.status} ${await response.text()}`);
      cookies[user.name] = response.headers.get("set-cookie")!.split(";")[0]!;
    }
  } catch (error) {
    await own.stop();
    throw error;
  }
  return { ...own, cookies };
}
