// One user cannot take the server's memory with exports and imports: each user runs at most two of each at
// once, dry runs included (429 too_many_requests with Retry-After beyond), and a place is given back when
// the run ends or its client goes away. Against a dashboard of this spec's own, with users, on a private etcd.
import crypto from "node:crypto";
import http from "node:http";
import { encodeKey, expect, test } from "../fixtures";
import { startOwnUsersDashboard, type OwnUsersDashboard } from "../own-users";

/** lib/transfer/slots.ts TRANSFERS_PER_USER */
const PER_USER = 2;
/** Values that do not compress, so a reader that stops reading really holds its export up (70 MB in all: more than the kernel's socket buffers take). */
const KEYS = 60;
const VALUE_BYTES = 900_000;

interface Held {
  status: number;
  close: () => void;
}

test.describe("export and import limits per user", () => {
  test.describe.configure({ mode: "serial" });
  let own: OwnUsersDashboard;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    own = await startOwnUsersDashboard("transfer-limits", [
      { name: "ed", role: "editor" },
      { name: "vi", role: "viewer" },
    ]);
    for (let i = 0; i < KEYS; i++) {
      const value = crypto.randomBytes(VALUE_BYTES).toString("base64");
      expect((await own.direct("PUT", `/v2/keys/big/k${String(i).padStart(2, "0")}`, { value })).status).toBe(201);
    }
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  const url = (route: string, key: string, query = "") => `${own.dashboard.url}/api/clusters/default/${route}${encodeKey(key)}${query}`;

  /** An export whose reader takes its first bytes, then stops reading. */
  function stalledExport(cookie: string): Promise<Held> {
    return new Promise((resolve, reject) => {
      const request = http.get(url("export", "/big"), { headers: { cookie } }, (response) => {
        const close = () => request.destroy();
        if (response.statusCode !== 200) {
          response.resume();
          return resolve({ status: response.statusCode!, close });
        }
        response.once("data", () => {
          response.pause();
          resolve({ status: 200, close });
        });
      });
      request.on("error", reject);
    });
  }

  /** An import whose file is still on its way: its first bytes sent, the rest never. */
  function unfinishedImport(cookie: string): Held {
    const request = http.request(url("import", "/into", "?dryRun=true"), {
      method: "POST",
      headers: { cookie, origin: own.dashboard.url, "content-type": "application/json", "content-length": "1000000" },
    });
    // No answer is expected while the file is unfinished: one that comes (status) says why the place was not held.
    const held: Held = { status: 0, close: () => request.destroy() };
    request.on("response", (response) => {
      held.status = response.statusCode ?? -1;
      response.resume();
    });
    request.on("error", () => undefined);
    request.write('{"format":"etcd-dashboard-export","version":1,"nodes":[');
    return held;
  }

  const dryRun = (cookie: string) =>
    fetch(url("import", "/into", "?dryRun=true"), {
      method: "POST",
      headers: { cookie, origin: own.dashboard.url, "content-type": "application/json" },
      body: JSON.stringify({ format: "etcd-dashboard-export", version: 1, nodes: [{ key: "a", value: "1" }] }),
    });

  test("a user's third export at once is refused until one of the first two ends; other users are not held up", async () => {
    test.setTimeout(90_000);
    const held: Held[] = [];
    for (let i = 0; i < PER_USER; i++) held.push(await stalledExport(own.cookies.ed!));
    try {
      expect(held.map((h) => h.status)).toEqual(held.map(() => 200));
      const third = await fetch(url("export", "/big"), { headers: { cookie: own.cookies.ed! } });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await third.json()).error.code).toBe("too_many_requests");
      // Another user exports at once.
      const other = await fetch(url("export", "/big"), { headers: { cookie: own.cookies.vi! } });
      expect(other.status).toBe(200);
      await other.arrayBuffer();
      // The reader that went away gives its place back.
      held[0]!.close();
      await expect.poll(async () => (await stalledExport(own.cookies.ed!).then((h) => (h.close(), h.status))), { timeout: 10_000 }).toBe(200);
    } finally {
      for (const h of held) h.close();
    }
  });

  test("a user's third import at once (dry runs included) is refused before its file is read", async () => {
    test.setTimeout(60_000);
    const held = Array.from({ length: PER_USER }, () => unfinishedImport(own.cookies.ed!));
    try {
      // The held imports' answers ride along (0: none yet, as it should be), so a failure says why.
      await expect
        .poll(async () => `${(await dryRun(own.cookies.ed!)).status}; held answered ${held.map((h) => h.status).join(", ")}`, { timeout: 10_000 })
        .toMatch(/^429;/);
      const refused = await dryRun(own.cookies.ed!);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await dryRun(own.cookies.vi!)).status).not.toBe(429);
    } finally {
      for (const h of held) h.close();
    }
    await expect.poll(async () => (await dryRun(own.cookies.ed!)).status, { timeout: 10_000 }).toBe(200);
  });
});
