// Searches cannot freeze the server: patterns that backtrack for seconds are matched off the event loop,
// so other requests keep their pace, and each user runs only a few searches at once (429 beyond). Against
// a dashboard of this spec's own, with ten viewers on a private etcd.
import { encodeKey, expect, test } from "../fixtures";
import { startOwnUsersDashboard, type OwnUsersDashboard } from "../own-users";

const VIEWERS = Array.from({ length: 10 }, (_, i) => ({ name: `viewer${i}`, role: "viewer" as const }));
/** The searches each user may run at once (lib/search/run.ts SEARCHES_PER_USER). */
const PER_USER = 2;
/** Backtracks exponentially on the values below: each search runs until the server stops the pattern. */
const CATASTROPHIC = { q: "^(a+)+$", regex: "true", in: "value" };

test.describe("search limits", () => {
  test.describe.configure({ mode: "serial" });
  let own: OwnUsersDashboard;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    own = await startOwnUsersDashboard("search-limits", VIEWERS);
    for (const key of ["/slow/a", "/slow/b"]) expect((await own.direct("PUT", `/v2/keys${key}`, { value: `${"a".repeat(40)}!` })).status).toBe(201);
    expect((await own.direct("PUT", "/v2/keys/other", { value: "hello" })).status).toBe(201);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  const searchUrl = () => `${own.dashboard.url}/api/clusters/default/search${encodeKey("/slow")}?${new URLSearchParams(CATASTROPHIC)}`;

  test("while 20 catastrophic searches run, other requests answer quickly, and a user's third search is refused with 429", async () => {
    test.setTimeout(120_000);
    // viewer0's searches get the matching threads first, viewer9's wait their turn (the answer starts with
    // the first line, so only the first few answer at once): the 429 is asked of viewer9.
    const searches = VIEWERS.flatMap((user) =>
      Array.from({ length: PER_USER }, () => fetch(searchUrl(), { headers: { cookie: own.cookies[user.name]! } }).then(async (r) => ({ status: r.status, text: await r.text() }))),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    // One search more for a user whose two are running: refused at once, saying when to retry.
    const extra = await fetch(searchUrl(), { headers: { cookie: own.cookies.viewer9! } });
    expect(extra.status).toBe(429);
    expect(Number(extra.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await extra.json()).error.code).toBe("too_many_requests");

    // Meanwhile, an unrelated read, again and again: each answers well within the bound (on today's machine a
    // few ms; a search blocking the event loop would hold it for a whole second per pattern).
    const latencies: number[] = [];
    let settled = false;
    const all = Promise.all(searches).finally(() => (settled = true));
    while (!settled && latencies.length < 40) {
      const started = performance.now();
      const read = await fetch(`${own.dashboard.url}/api/clusters/default/keys/other`, { headers: { cookie: own.cookies.viewer0! } });
      expect(read.status).toBe(200);
      await read.text();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const results = await all;
    expect(latencies.length, "the searches must run long enough to measure during them").toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies), `latencies (ms): ${latencies.map(Math.round).join(", ")}`).toBeLessThan(500);

    // Every search still ended as before: stopped, saying the pattern took too long.
    for (const { status, text } of results) {
      expect(status).toBe(200);
      expect(text.trim().split("\n").at(-1)).toMatch(/"type":"error".*took too long/);
    }

    // Once they ended, the slots are free again.
    const again = await fetch(searchUrl(), { headers: { cookie: own.cookies.viewer9! } });
    expect(again.status).toBe(200);
    await again.text();
  });
});
