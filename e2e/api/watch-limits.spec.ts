// Watch streams against everyone else's reads, on an etcd and a dashboard of this spec's own (it opens 300
// long polls): long polls to etcd have a connection pool of their own, so one viewer's streams never hold
// up another user's key reads, and one session may hold only MAX_STREAMS_PER_SESSION streams at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startDashboard, type DashboardHandle } from "../../scripts/lib/dashboard.mjs";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { hashPassword } from "../../scripts/lib/password-hash.mjs";
import { openStream, type OpenStream } from "../sse-client";

const CHEAP = { N: 1024, r: 8, p: 1 };
const VIEWER = { name: "vic", password: "viewer-password-1" };
const EDITOR = { name: "ed", password: "editor-password-2" };
/** lib/watch/stream-quota.ts: MAX_STREAMS_PER_SESSION. */
const CAP = 32;
/** Browsers open at most this many streams per host; the rest is one viewer's script. */
const SESSIONS = 10;
const STREAMS = 300;

test.describe("watch streams and other users' reads", () => {
  test.describe.configure({ mode: "serial" });
  let etcd: EtcdHandle;
  let dashboard: DashboardHandle;
  let tempDir: string;
  const streams: OpenStream[] = [];

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-watch-limits-"));
    etcd = await startEtcd({ name: "watch-limits" });
    const users = [
      { name: VIEWER.name, role: "viewer", passwordHash: await hashPassword(VIEWER.password, CHEAP) },
      { name: EDITOR.name, role: "editor", passwordHash: await hashPassword(EDITOR.password, CHEAP) },
    ];
    const configFile = path.join(tempDir, "config.json");
    fs.writeFileSync(configFile, JSON.stringify({ clusters: [{ name: "default", endpoints: [etcd.clientURL] }], users }));
    dashboard = await startDashboard({ configFile, env: { ETCD_ENDPOINTS: undefined } });
  });
  test.afterAll(async () => {
    for (const stream of streams) stream.close();
    await dashboard?.stop();
    await etcd?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  });

  async function logIn(user: { name: string; password: string }): Promise<string> {
    const response = await fetch(`${dashboard.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user.name, password: user.password }),
    });
    expect(response.status).toBe(200);
    return response.headers.get("set-cookie")!.split(";")[0]!;
  }

  const watchers = async () => ((await (await fetch(`${etcd.clientURL}/v2/stats/store`)).json()) as { watchers: number }).watchers;
  const watchURL = (i: number) => `${dashboard.url}/api/clusters/default/watch/limits/w${i}`;

  test("300 streams of one viewer leave another user's key reads prompt; stream cap+1 of a session is refused", async () => {
    test.setTimeout(120_000);
    await fetch(`${etcd.clientURL}/v2/keys/limits/read`, { method: "PUT", body: new URLSearchParams({ value: "v" }) });
    const viewerSessions = await Promise.all(Array.from({ length: SESSIONS }, () => logIn(VIEWER)));
    const editor = await logIn(EDITOR);

    // Each stream watches a key of its own, so each is an etcd long poll of its own.
    const perSession = [CAP, ...Array.from({ length: SESSIONS - 1 }, (_, i) => Math.floor((STREAMS - CAP) / (SESSIONS - 1)) + (i < (STREAMS - CAP) % (SESSIONS - 1) ? 1 : 0))];
    let n = 0;
    for (const [s, count] of perSession.entries()) {
      for (let i = 0; i < count; i++) streams.push(await openStream(watchURL(n++), { cookie: viewerSessions[s]! }));
    }
    expect(streams.length).toBe(STREAMS);
    expect(streams.every((stream) => stream.status === 200)).toBe(true);
    // The long polls are waiting in etcd (at least as many as a shared pool of 128 sockets lets through).
    await expect.poll(watchers, { timeout: 20_000 }).toBeGreaterThanOrEqual(128);

    // Another user's reads answer promptly: the bound is generous (a read takes about 1 ms), yet a read
    // queued behind the long polls waits for the 5 s deadline and answers 504.
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const response = await fetch(`${dashboard.url}/api/clusters/default/keys/limits/read`, { headers: { cookie: editor } });
      const elapsed = Date.now() - started;
      expect(response.status, await response.text()).toBe(200);
      expect(elapsed).toBeLessThan(2_000);
    }
    // And every stream still has its long poll.
    await expect.poll(watchers, { timeout: 20_000 }).toBe(STREAMS);

    // The first session has its CAP streams: the next is refused with a clear JSON error...
    const refused = await fetch(watchURL(n), { headers: { cookie: viewerSessions[0]!, accept: "text/event-stream" } });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("too_many_streams");
    // ...while another session of the same user still may open one,
    const other = await openStream(watchURL(n + 1), { cookie: viewerSessions[1]! });
    expect(other.status).toBe(200);
    other.close();
    // and a closed stream gives its place back.
    streams[0]!.close();
    await expect
      .poll(async () => {
        const again = await openStream(watchURL(n + 2), { cookie: viewerSessions[0]! });
        if (again.status === 200) streams.push(again);
        return again.status;
      }, { timeout: 10_000 })
      .toBe(200);
  });
});
