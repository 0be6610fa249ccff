// GET /api/clusters/:cluster/search/:dir*: searching a subtree by key name and value, as JSON lines,
// against the real etcd of the e2e run; cancelling against a dashboard of this spec's own, whose process
// can be watched.
import fs from "node:fs";
import { putMany } from "../etcd-bulk";
import { encodeKey, expect, expectApiError, expectInvalid, test, type DirectEtcd } from "../fixtures";
import { startOwnEtcd, type OwnEtcd } from "../own-etcd";

interface Match {
  key: string;
  dir?: true;
  name?: [number, number];
  value?: { text: string; match: [number, number]; cut: { before: boolean; after: boolean } };
}
type Line =
  | { type: "size"; dir: string; keys: number; dirs: number; bytes: number }
  | { type: "matches"; matches: Match[] }
  | { type: "progress"; scanned: number; total: number }
  | { type: "done"; matches: number; scanned: number; total: number; capped: boolean; limit: number }
  | { type: "error"; error: { code: string; message: string } };

const searchUrl = (baseURL: string, dir: string, query: Record<string, string>, cluster = "default") =>
  `${baseURL}/api/clusters/${cluster}/search${dir === "/" ? "" : encodeKey(dir)}?${new URLSearchParams(query)}`;

/** A whole search: its status, content type and every line, in order. */
async function search(baseURL: string, dir: string, query: Record<string, string>) {
  const response = await fetch(searchUrl(baseURL, dir, query));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  const lines = text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Line);
  const matches = lines.flatMap((line) => (line.type === "matches" ? line.matches : []));
  return { lines, matches, keys: matches.map((m) => m.key) };
}

async function writeApp(etcd: DirectEtcd, ns: string): Promise<void> {
  await putMany(etcd, [
    [`${ns}/app/db/host`, "db.internal"],
    [`${ns}/app/db/password`, "Secret-DB"],
    [`${ns}/app/web/port`, "8080"],
    [`${ns}/app/web/db-url`, "postgres://db/app"],
    [`${ns}/app/notes`, `${"x".repeat(200_000)}the Needle here${"y".repeat(200_000)}`],
  ]);
  await etcd.put(`${ns}/app/empty`, undefined, { dir: "true" });
}

test.describe("search API", () => {
  test("the size comes first, then matches by name and by value, progress, and done last", async ({ baseURL, etcd, ns }) => {
    await writeApp(etcd, ns);
    const { lines, matches } = await search(baseURL!, `${ns}/app`, { q: "db" });
    expect(lines[0]).toEqual({ type: "size", dir: `${ns}/app`, keys: 5, dirs: 3, bytes: expect.any(Number) });
    expect((lines[0] as { bytes: number }).bytes).toBeGreaterThan(400_000);
    expect(lines.at(-1)).toEqual({ type: "done", matches: 4, scanned: 8, total: 8, capped: false, limit: 10_000 });
    expect(lines.some((line) => line.type === "progress")).toBe(true);
    const progress = lines.filter((line) => line.type === "progress");
    expect(progress.at(-1)).toEqual({ type: "progress", scanned: 8, total: 8 });
    // Sorted, depth first; a name match says where in the path below the searched directory.
    expect(matches).toEqual([
      { key: `${ns}/app/db`, dir: true, name: [0, 2] },
      { key: `${ns}/app/db/host`, value: { text: "db.internal", match: [0, 2], cut: { before: false, after: false } } },
      { key: `${ns}/app/db/password`, value: { text: "Secret-DB", match: [7, 9], cut: { before: false, after: false } } },
      { key: `${ns}/app/web/db-url`, name: [4, 6], value: { text: "postgres://db/app", match: [11, 13], cut: { before: false, after: false } } },
    ]);
  });

  test("names only, values only, case sensitivity, regular expressions, and an excerpt of a huge value", async ({ baseURL, etcd, ns }) => {
    await writeApp(etcd, ns);
    const dir = `${ns}/app`;
    expect((await search(baseURL!, dir, { q: "db", in: "name" })).keys).toEqual([`${dir}/db`, `${dir}/web/db-url`]);
    expect((await search(baseURL!, dir, { q: "db", in: "value" })).keys).toEqual([`${dir}/db/host`, `${dir}/db/password`, `${dir}/web/db-url`]);
    expect((await search(baseURL!, dir, { q: "DB", caseSensitive: "true" })).keys).toEqual([`${dir}/db/password`]);
    expect((await search(baseURL!, dir, { q: "^\\d+$", regex: "true" })).keys).toEqual([`${dir}/web/port`]);
    expect((await search(baseURL!, dir, { q: "web/.*url$", regex: "true", in: "name" })).keys).toEqual([`${dir}/web/db-url`]);
    // Without regex=true the same text is plain: "." and "*" match themselves.
    expect((await search(baseURL!, dir, { q: "web/.*url$" })).keys).toEqual([]);

    const { matches } = await search(baseURL!, dir, { q: "needle", in: "value" });
    expect(matches).toHaveLength(1);
    const excerpt = matches[0]!.value!;
    expect(excerpt.text.length).toBeLessThan(300);
    expect(excerpt.text.slice(...excerpt.match)).toBe("Needle");
    expect(excerpt.cut).toEqual({ before: true, after: true });
  });

  test("the root can be searched, names matched on the whole path", async ({ baseURL, etcd, ns }) => {
    await etcd.put(`${ns}/root-search/unique-9f1c`, "v");
    const { lines, keys } = await search(baseURL!, "/", { q: `${ns.slice(1)}/root-search/unique-9f1c`, in: "name" });
    expect(lines[0]).toMatchObject({ type: "size", dir: "/" });
    expect(keys).toEqual([`${ns}/root-search/unique-9f1c`]);
  });

  test("the match limit stops the search and says there may be more", async ({ baseURL, etcd, ns }) => {
    await putMany(etcd, Array.from({ length: 20 }, (_, i) => [`${ns}/many/k${String(i).padStart(2, "0")}`, "same"] as const));
    const capped = await search(baseURL!, `${ns}/many`, { q: "same", limit: "5" });
    expect(capped.keys).toEqual(["k00", "k01", "k02", "k03", "k04"].map((k) => `${ns}/many/${k}`));
    expect(capped.lines.at(-1)).toEqual({ type: "done", matches: 5, scanned: 5, total: 20, capped: true, limit: 5 });
    const all = await search(baseURL!, `${ns}/many`, { q: "same", limit: "20" });
    expect(all.lines.at(-1)).toEqual({ type: "done", matches: 20, scanned: 20, total: 20, capped: false, limit: 20 });
  });

  test("a pattern that backtracks out of control is stopped with an error line", async ({ baseURL, etcd, ns }) => {
    await etcd.put(`${ns}/slow/a`, `${"a".repeat(40)}!`);
    const started = Date.now();
    const { lines } = await search(baseURL!, `${ns}/slow`, { q: "^(a+)+$", regex: "true", in: "value" });
    expect(lines[0]).toMatchObject({ type: "size", keys: 1 });
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: "error", error: { code: "invalid_input" } });
    expect((last as { error: { message: string } }).error.message).toMatch(/took too long .* on .*\/slow\/a/);
    // Not a timing claim about this machine: the same pattern runs for minutes when nothing stops it.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test("bad input, missing keys, files and an unreachable etcd answer the JSON envelope before any line", async ({ request, etcd, ns }) => {
    await etcd.put(`${ns}/file`, "v");
    await etcd.put(`${ns}/dir/k`, "v");
    const url = (dir: string, query: string, cluster = "default") => `/api/clusters/${cluster}/search${encodeKey(dir)}?${query}`;
    await expectInvalid(await request.get(url(`${ns}/dir`, "")), "query.q");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=")), "query.q");
    await expectInvalid(await request.get(url(`${ns}/dir`, `q=${"x".repeat(501)}`)), "query.q");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a(&regex=true")), "query.q");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a&in=keys")), "query.in");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a&regex=yes")), "query.regex");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a&limit=0")), "query.limit");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a&limit=10001")), "query.limit");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a&q=b")), "query.q");
    await expectInvalid(await request.get(url(`${ns}/dir`, "q=a&recursive=true")), "query");
    await expectApiError(await request.get(url(`${ns}/missing`, "q=a")), 404, "key_not_found");
    await expectApiError(await request.get(url(`${ns}/file`, "q=a")), 403, "not_a_directory");
    await expectApiError(await request.get(url(`${ns}/dir`, "q=a", "nope")), 404, "cluster_not_found");
    await expectApiError(await request.get(url("/anything", "q=a", "down")), 503, "etcd_unavailable");
  });
});

/** CPU time (user + system) a process has used so far, in seconds, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat(5); the split starts at field 3.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

test.describe("cancelling a search", () => {
  test.describe.configure({ mode: "serial" });
  let own: OwnEtcd;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    own = await startOwnEtcd("search-cancel", (url) => [{ name: "default", endpoints: [url] }]);
    // 600 values on which the pattern below costs a few ms each: seconds of matching in all.
    const etcd: DirectEtcd = {
      url: own.etcd.clientURL,
      put: async (key, value) => {
        const answer = await own.direct("PUT", `/v2/keys${encodeKey(key)}`, { value });
        return { status: answer.status, body: answer.json };
      },
    } as DirectEtcd;
    await putMany(etcd, Array.from({ length: 600 }, (_, i) => [`/slow/k${String(i).padStart(3, "0")}`, "ab".repeat(40)] as const), 8);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("aborting the request stops the server's work: the dashboard's CPU time stops growing", async () => {
    const query = { q: ".*.*.*Z", regex: "true", in: "value" };
    const pid = own.dashboard.pid;

    // The whole search, read to the end: how much CPU the matching takes.
    const before = cpuSeconds(pid);
    const full = await search(own.dashboard.url, "/slow", query);
    expect(full.lines.at(-1)).toMatchObject({ type: "done", scanned: 600, total: 600 });
    const fullCost = cpuSeconds(pid) - before;
    expect(fullCost, "the search must be costly enough to tell a stopped search from a running one").toBeGreaterThan(0.75);

    // The same search, aborted once the first progress line arrives.
    const startCpu = cpuSeconds(pid);
    const controller = new AbortController();
    const response = await fetch(searchUrl(own.dashboard.url, "/slow", query), { signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes('"type":"progress"')) {
      const { done, value } = await reader.read();
      expect(done).toBe(false);
      text += value;
    }
    expect(text).not.toContain('"type":"done"');
    controller.abort();
    await reader.cancel().catch(() => undefined);
    // Give a search that ignored the abort time to show itself: it would burn CPU all along.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const cancelledCost = cpuSeconds(pid) - startCpu;
    expect(cancelledCost, `a cancelled search used ${cancelledCost} s of CPU; the whole one ${fullCost} s`).toBeLessThan(fullCost / 3);

    // And the dashboard answers as before.
    const after = await fetch(`${own.dashboard.url}/api/clusters/default/keys/slow/k000`);
    expect(after.status).toBe(200);
  });
});
