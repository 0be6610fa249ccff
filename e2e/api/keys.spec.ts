// /api/clusters/:cluster/keys/:key* through the running dashboard, checked against etcd itself.
import { encodeKey, expect, expectApiError, expectInvalid, test } from "../fixtures";

interface Node {
  key: string;
  value?: string;
  dir?: boolean;
  nodes?: Node[];
  ttl?: number;
  expiration?: string;
  createdIndex: number;
  modifiedIndex: number;
}
interface KeyBody {
  action: string;
  node: Node;
  prevNode?: Node;
  etcdIndex: number;
}

test.describe("GET keys", () => {
  test("a key: its value, indexes and the etcd index", async ({ request, etcd, ns, keysUrl }) => {
    const stored = await etcd.put(`${ns}/a`, "one");
    const response = await request.get(keysUrl(`${ns}/a`));
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = (await response.json()) as KeyBody;
    expect(body.action).toBe("get");
    expect(body.node).toMatchObject({ key: `${ns}/a`, value: "one", modifiedIndex: stored.body.node!.modifiedIndex });
    expect(body.etcdIndex).toBeGreaterThanOrEqual(stored.body.node!.modifiedIndex);
  });

  test("a directory with its children, one level; recursive gives the whole subtree", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/d/x`, "1");
    await etcd.put(`${ns}/d/y`, "2");
    await etcd.put(`${ns}/d/sub/z`, "3");
    await etcd.put(`${ns}/d/_hidden`, "h");

    const flat = (await (await request.get(keysUrl(`${ns}/d`))).json()) as KeyBody;
    expect(flat.node.dir).toBe(true);
    const children = [...flat.node.nodes!].sort((a, b) => a.key.localeCompare(b.key));
    expect(children.map((n) => n.key)).toEqual([`${ns}/d/sub`, `${ns}/d/x`, `${ns}/d/y`]);
    expect(children[0]!.dir).toBe(true);
    expect(children[0]!.nodes).toBeUndefined();

    const deep = (await (await request.get(`${keysUrl(`${ns}/d`)}?recursive=true&sorted=true`)).json()) as KeyBody;
    const sub = deep.node.nodes!.find((n) => n.key === `${ns}/d/sub`)!;
    expect(sub.nodes).toEqual([expect.objectContaining({ key: `${ns}/d/sub/z`, value: "3" })]);
  });

  test("sorted=true lists children in key order", async ({ request, etcd, ns, keysUrl }) => {
    for (const name of ["m", "c", "x", "a", "q", "b"]) await etcd.put(`${ns}/s/${name}`, name);
    for (let i = 0; i < 3; i++) {
      const body = (await (await request.get(`${keysUrl(`${ns}/s`)}?sorted=true`)).json()) as KeyBody;
      expect(body.node.nodes!.map((n) => n.value)).toEqual(["a", "b", "c", "m", "q", "x"]);
    }
  });

  test("quorum=true reads through raft", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/q`, "linearizable");
    const response = await request.get(`${keysUrl(`${ns}/q`)}?quorum=true&recursive=false&sorted=false`);
    expect(response.status()).toBe(200);
    expect(((await response.json()) as KeyBody).node.value).toBe("linearizable");
  });

  test("the root is a directory whose key is /", async ({ request, ns, etcd, keysUrl }) => {
    await etcd.put(`${ns}/r`, "1");
    for (const url of ["/api/clusters/default/keys", "/api/clusters/default/keys/"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      const body = (await response.json()) as KeyBody;
      expect(body.node.key).toBe("/");
      expect(body.node.dir).toBe(true);
      expect(body.node.nodes!.map((n) => n.key)).toContain("/e2e");
    }
  });

  test("a missing key is a 404 key_not_found with etcd's code, cause and index", async ({ request, ns, keysUrl }) => {
    const error = await expectApiError(await request.get(keysUrl(`${ns}/missing`)), 404, "key_not_found");
    expect(error.etcdCode).toBe(100);
    expect(error.cause).toBe(ns); // etcd names the first missing component
    expect(error.index).toBeGreaterThan(0);
  });

  test("reading below a file is a 403 not_a_directory", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/file`, "x");
    const error = await expectApiError(await request.get(keysUrl(`${ns}/file/child`)), 403, "not_a_directory");
    expect(error.etcdCode).toBe(104);
  });

  test("query booleans are only true or false; unknown or repeated parameters are refused", async ({ request, ns, keysUrl, etcd }) => {
    await etcd.put(`${ns}/b`, "1");
    await expectInvalid(await request.get(`${keysUrl(`${ns}/b`)}?recursive=yes`), "query.recursive");
    await expectInvalid(await request.get(`${keysUrl(`${ns}/b`)}?sorted=1`), "query.sorted");
    await expectInvalid(await request.get(`${keysUrl(`${ns}/b`)}?quorum=`), "query.quorum");
    await expectInvalid(await request.get(`${keysUrl(`${ns}/b`)}?recursive=true&recursive=true`), "query.recursive");
    await expectInvalid(await request.get(`${keysUrl(`${ns}/b`)}?wait=true`), /^query/);
    // Names that exist on every JavaScript object are unknown parameters like any other, not "repeated".
    // (Next.js itself drops a "__proto__" parameter before the route sees the URL.)
    for (const name of ["constructor", "toString", "hasOwnProperty"]) {
      const error = await expectInvalid(await request.get(`${keysUrl(`${ns}/b`)}?${name}=1`), "query");
      expect(error.message).toContain("Unrecognized key");
    }
  });

  test("an unreachable cluster is a 503 etcd_unavailable", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/down/keys/some/key"), 503, "etcd_unavailable");
  });
});

test.describe("PUT keys", () => {
  test("set: 201 when new, 200 with prevNode when replacing", async ({ request, etcd, ns, keysUrl }) => {
    const created = await request.put(keysUrl(`${ns}/k`), { data: { value: "v1" } });
    expect(created.status()).toBe(201);
    const createdBody = (await created.json()) as KeyBody;
    expect(createdBody.action).toBe("set");
    expect(createdBody.node).toMatchObject({ key: `${ns}/k`, value: "v1" });
    expect(createdBody.prevNode).toBeUndefined();
    expect(createdBody.etcdIndex).toBe(createdBody.node.modifiedIndex);
    expect(await etcd.value(`${ns}/k`)).toBe("v1");

    const replaced = await request.put(keysUrl(`${ns}/k`), { data: { value: "v2" } });
    expect(replaced.status()).toBe(200);
    const replacedBody = (await replaced.json()) as KeyBody;
    expect(replacedBody.prevNode?.value).toBe("v1");
    expect(await etcd.value(`${ns}/k`)).toBe("v2");
  });

  test("values travel intact: unicode, form and JSON metacharacters, newlines, empty", async ({ request, etcd, ns, keysUrl }) => {
    const values = ["héllo wörld 日本語 🎉", "a=b&c=d+e%20f;g", '{"json": "quoted \\"x\\""}\n\tline two\r\n', " leading and trailing ", ""];
    for (const [i, value] of values.entries()) {
      const response = await request.put(keysUrl(`${ns}/v${i}`), { data: { value } });
      expect(response.status(), JSON.stringify(value)).toBe(201);
      expect(((await response.json()) as KeyBody).node.value).toBe(value);
      expect(await etcd.value(`${ns}/v${i}`)).toBe(value);
      const read = (await (await request.get(keysUrl(`${ns}/v${i}`))).json()) as KeyBody;
      expect(read.node.value).toBe(value);
    }
  });

  test("create (prevExist: false): 201, then 412 key_exists", async ({ request, etcd, ns, keysUrl }) => {
    const first = await request.put(keysUrl(`${ns}/c`), { data: { value: "first", prevExist: false } });
    expect(first.status()).toBe(201);
    expect(((await first.json()) as KeyBody).action).toBe("create");

    const error = await expectApiError(await request.put(keysUrl(`${ns}/c`), { data: { value: "second", prevExist: false } }), 412, "key_exists");
    expect(error.etcdCode).toBe(105);
    expect(error.cause).toBe(`${ns}/c`);
    expect(await etcd.value(`${ns}/c`)).toBe("first");
  });

  test("update (prevExist: true): 404 when missing, 200 and createdIndex kept when present", async ({ request, etcd, ns, keysUrl }) => {
    const missing = await expectApiError(await request.put(keysUrl(`${ns}/u`), { data: { value: "x", prevExist: true } }), 404, "key_not_found");
    expect(missing.etcdCode).toBe(100);
    expect(await etcd.value(`${ns}/u`)).toBeUndefined();

    const stored = await etcd.put(`${ns}/u`, "old");
    const response = await request.put(keysUrl(`${ns}/u`), { data: { value: "new", prevExist: true } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as KeyBody;
    expect(body.action).toBe("update");
    expect(body.node.createdIndex).toBe(stored.body.node!.createdIndex);
    expect(await etcd.value(`${ns}/u`)).toBe("new");
  });

  test("compare-and-swap on prevValue: swaps on a match, 412 compare_failed otherwise", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/cas`, "one");
    const error = await expectApiError(await request.put(keysUrl(`${ns}/cas`), { data: { value: "two", prevValue: "wrong" } }), 412, "compare_failed");
    expect(error.etcdCode).toBe(101);
    expect(error.cause).toBe("[wrong != one]");
    expect(await etcd.value(`${ns}/cas`)).toBe("one");

    const ok = await request.put(keysUrl(`${ns}/cas`), { data: { value: "two", prevValue: "one" } });
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as KeyBody;
    expect(body.action).toBe("compareAndSwap");
    expect(body.prevNode?.value).toBe("one");
    expect(await etcd.value(`${ns}/cas`)).toBe("two");
  });

  test("compare-and-swap on prevIndex", async ({ request, etcd, ns, keysUrl }) => {
    const stored = await etcd.put(`${ns}/idx`, "one");
    const index = stored.body.node!.modifiedIndex;
    const error = await expectApiError(
      await request.put(keysUrl(`${ns}/idx`), { data: { value: "two", prevIndex: index + 1000 } }),
      412,
      "compare_failed",
    );
    expect(error.etcdCode).toBe(101);
    expect(await etcd.value(`${ns}/idx`)).toBe("one");

    const ok = await request.put(keysUrl(`${ns}/idx`), { data: { value: "two", prevIndex: index } });
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as KeyBody).action).toBe("compareAndSwap");
    expect(await etcd.value(`${ns}/idx`)).toBe("two");

    // Both conditions at once must both hold.
    const both = await request.put(keysUrl(`${ns}/idx`), { data: { value: "three", prevValue: "two", prevIndex: index } });
    await expectApiError(both, 412, "compare_failed");
    expect(await etcd.value(`${ns}/idx`)).toBe("two");
  });

  test("ttl sets an expiry; ttl: null removes it", async ({ request, etcd, ns, keysUrl }) => {
    const withTtl = await request.put(keysUrl(`${ns}/t`), { data: { value: "v", ttl: 100 } });
    expect(withTtl.status()).toBe(201);
    const body = (await withTtl.json()) as KeyBody;
    expect(body.node.ttl).toBeGreaterThan(90);
    expect(body.node.ttl).toBeLessThanOrEqual(100);
    expect(Date.parse(body.node.expiration!)).toBeGreaterThan(Date.now());
    expect((await etcd.get(`${ns}/t`)).body.node!.ttl).toBeGreaterThan(90);

    const permanent = await request.put(keysUrl(`${ns}/t`), { data: { value: "v", ttl: null, prevExist: true } });
    expect(permanent.status()).toBe(200);
    const permanentBody = (await permanent.json()) as KeyBody;
    expect(permanentBody.node.ttl).toBeUndefined();
    expect(permanentBody.node.expiration).toBeUndefined();
    const direct = (await etcd.get(`${ns}/t`)).body.node!;
    expect(direct.ttl).toBeUndefined();
    expect(direct.expiration).toBeUndefined();
    expect(direct.value).toBe("v");
  });

  test("a key with ttl 1 really expires in etcd", async ({ request, etcd, ns, keysUrl }) => {
    expect((await request.put(keysUrl(`${ns}/short`), { data: { value: "v", ttl: 1 } })).status()).toBe(201);
    await expect.poll(() => etcd.value(`${ns}/short`), { timeout: 5_000 }).toBeUndefined();
  });

  test("refresh: renews the TTL and keeps the value", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/r`, "keep me", { ttl: "20" });
    const response = await request.put(keysUrl(`${ns}/r`), { data: { refresh: true, ttl: 500, prevExist: true } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as KeyBody;
    expect(body.node.value).toBe("keep me");
    expect(body.node.ttl).toBeGreaterThan(400);
    const direct = (await etcd.get(`${ns}/r`)).body.node!;
    expect(direct.value).toBe("keep me");
    expect(direct.ttl).toBeGreaterThan(400);

    await expectInvalid(await request.put(keysUrl(`${ns}/r`), { data: { refresh: true } }), "body.ttl");
    await expectInvalid(await request.put(keysUrl(`${ns}/r`), { data: { refresh: true, ttl: 5, value: "changed" } }), "body.value");
    expect(await etcd.value(`${ns}/r`)).toBe("keep me");

    const missing = await request.put(keysUrl(`${ns}/not-there`), { data: { refresh: true, ttl: 5, prevExist: true } });
    await expectApiError(missing, 404, "key_not_found");
  });

  test("mkdir: a directory, with a TTL; values cannot be written over it", async ({ request, etcd, ns, keysUrl }) => {
    const response = await request.put(keysUrl(`${ns}/dir`), { data: { dir: true, ttl: 300 } });
    expect(response.status()).toBe(201);
    const body = (await response.json()) as KeyBody;
    expect(body.node.dir).toBe(true);
    expect(body.node.ttl).toBeGreaterThan(290);
    const direct = (await etcd.get(`${ns}/dir`)).body.node!;
    expect(direct.dir).toBe(true);
    expect(direct.ttl).toBeGreaterThan(290);

    const plain = await request.put(keysUrl(`${ns}/plain-dir`), { data: { dir: true } });
    expect(plain.status()).toBe(201);
    expect((await etcd.get(`${ns}/plain-dir`)).body.node).toMatchObject({ dir: true });

    const again = await request.put(keysUrl(`${ns}/plain-dir`), { data: { dir: true, prevExist: false } });
    await expectApiError(again, 412, "key_exists");

    const overwrite = await expectApiError(await request.put(keysUrl(`${ns}/dir`), { data: { value: "x" } }), 403, "not_a_file");
    expect(overwrite.etcdCode).toBe(102);
    expect((await etcd.get(`${ns}/dir`)).body.node!.dir).toBe(true);

    // The TTL of a directory can be removed again.
    const permanent = await request.put(keysUrl(`${ns}/dir`), { data: { dir: true, ttl: null, prevExist: true } });
    expect(permanent.status()).toBe(200);
    expect((await etcd.get(`${ns}/dir`)).body.node!.ttl).toBeUndefined();
  });

  test("dir + prevExist on a file is refused and does not blank the file", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/f`, "precious");
    await expectApiError(await request.put(keysUrl(`${ns}/f`), { data: { dir: true, prevExist: true } }), 403, "not_a_directory");
    expect(await etcd.value(`${ns}/f`)).toBe("precious");
  });

  test("writing below a file is a 403 not_a_directory", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/file`, "x");
    const error = await expectApiError(await request.put(keysUrl(`${ns}/file/child`), { data: { value: "y" } }), 403, "not_a_directory");
    expect(error.etcdCode).toBe(104);
    expect(await etcd.value(`${ns}/file`)).toBe("x");
  });

  test("the root is read-only", async ({ request }) => {
    for (const url of ["/api/clusters/default/keys", "/api/clusters/default/keys/"]) {
      await expectApiError(await request.put(url, { data: { value: "x" } }), 403, "root_read_only");
      await expectApiError(await request.put(url, { data: { dir: true } }), 403, "root_read_only");
    }
  });

  test("invalid bodies are 400 invalid_input with zod issues, and nothing reaches etcd", async ({ request, etcd, ns, keysUrl }) => {
    const url = keysUrl(`${ns}/invalid`);
    const cases: [unknown, string | RegExp][] = [
      [{ value: "v", ttl: -1 }, "body.ttl"],
      [{ value: "v", ttl: 1.5 }, "body.ttl"],
      [{ value: "v", ttl: "10" }, "body.ttl"],
      [{ value: "v", ttl: 2 ** 40 }, "body.ttl"],
      [{ value: "v", prevIndex: "x" }, "body.prevIndex"],
      [{ value: "v", prevIndex: 0 }, "body.prevIndex"],
      [{ value: "v", prevIndex: -3 }, "body.prevIndex"],
      [{ value: "v", prevValue: "" }, "body.prevValue"],
      [{ value: "v", unknownField: true }, "body"],
      [{ value: 42 }, "body.value"],
      [{}, "body.value"],
      [{ dir: true, value: "v" }, "body.value"],
      [{ value: "v", prevExist: false, prevValue: "old" }, "body.prevExist"],
      [{ value: "v", prevExist: "false" }, "body.prevExist"],
      [[], "body"],
      [null, "body"],
    ];
    for (const [data, path] of cases) {
      const response = await request.put(url, {
        data: JSON.stringify(data),
        headers: { "content-type": "application/json" },
      });
      await expectInvalid(response, path);
    }
    expect(await etcd.value(`${ns}/invalid`)).toBeUndefined();
  });

  test("malformed JSON is a 400 invalid_input", async ({ request, ns, keysUrl }) => {
    for (const data of ['{"value": "x"', "value=x", "", "{'value': 'x'}"]) {
      const response = await request.put(keysUrl(`${ns}/m`), { data, headers: { "content-type": "application/json" } });
      await expectInvalid(response, "body");
    }
  });

  test("a PUT to an unreachable cluster is a 503", async ({ request }) => {
    await expectApiError(await request.put("/api/clusters/down/keys/a", { data: { value: "x" } }), 503, "etcd_unavailable");
  });
});

test.describe("POST keys (in-order)", () => {
  test("creates keys named after their index, in order", async ({ request, etcd, ns, keysUrl }) => {
    const keys: string[] = [];
    for (const value of ["job1", "job2", "job3"]) {
      const response = await request.post(keysUrl(`${ns}/queue`), { data: { value } });
      expect(response.status()).toBe(201);
      const body = (await response.json()) as KeyBody;
      expect(body.action).toBe("create");
      expect(body.node.key).toMatch(new RegExp(`^${ns}/queue/\\d{20}$`));
      expect(body.node.value).toBe(value);
      keys.push(body.node.key);
    }
    expect([...keys].sort()).toEqual(keys);
    const listed = (await (await request.get(`${keysUrl(`${ns}/queue`)}?sorted=true`)).json()) as KeyBody;
    expect(listed.node.nodes!.map((n) => n.value)).toEqual(["job1", "job2", "job3"]);
    expect(await etcd.value(keys[1]!)).toBe("job2");
  });

  test("with a ttl", async ({ request, etcd, ns, keysUrl }) => {
    const response = await request.post(keysUrl(`${ns}/queue`), { data: { value: "soon gone", ttl: 60 } });
    expect(response.status()).toBe(201);
    const body = (await response.json()) as KeyBody;
    expect(body.node.ttl).toBeGreaterThan(50);
    expect((await etcd.get(body.node.key)).body.node!.ttl).toBeGreaterThan(50);
  });

  test("validates its body", async ({ request, etcd, ns, keysUrl }) => {
    await expectInvalid(await request.post(keysUrl(`${ns}/queue`), { data: {} }), "body.value");
    await expectInvalid(await request.post(keysUrl(`${ns}/queue`), { data: { value: "v", ttl: -1 } }), "body.ttl");
    await expectInvalid(await request.post(keysUrl(`${ns}/queue`), { data: { value: "v", dir: true } }), "body");
    expect(await etcd.value(`${ns}/queue`)).toBeUndefined();
  });

  test("into a file is a 403 not_a_directory", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/file`, "x");
    await expectApiError(await request.post(keysUrl(`${ns}/file`), { data: { value: "v" } }), 403, "not_a_directory");
  });
});

test.describe("DELETE keys", () => {
  test("deletes a key and answers with its previous node", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/gone`, "bye");
    const response = await request.delete(keysUrl(`${ns}/gone`));
    expect(response.status()).toBe(200);
    const body = (await response.json()) as KeyBody;
    expect(body.action).toBe("delete");
    expect(body.prevNode?.value).toBe("bye");
    expect(await etcd.value(`${ns}/gone`)).toBeUndefined();

    const again = await expectApiError(await request.delete(keysUrl(`${ns}/gone`)), 404, "key_not_found");
    expect(again.etcdCode).toBe(100);
  });

  test("compare-and-delete on prevValue: a wrong value deletes nothing", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/cad`, "current");
    const error = await expectApiError(await request.delete(`${keysUrl(`${ns}/cad`)}?prevValue=stale`), 412, "compare_failed");
    expect(error.etcdCode).toBe(101);
    expect(await etcd.value(`${ns}/cad`)).toBe("current");

    // A prevValue that needs encoding still compares exactly.
    await etcd.put(`${ns}/cad2`, "a b&c=d+e");
    await expectApiError(await request.delete(`${keysUrl(`${ns}/cad2`)}?prevValue=${encodeURIComponent("a b&c=d e")}`), 412, "compare_failed");
    expect(await etcd.value(`${ns}/cad2`)).toBe("a b&c=d+e");
    const ok2 = await request.delete(`${keysUrl(`${ns}/cad2`)}?prevValue=${encodeURIComponent("a b&c=d+e")}`);
    expect(ok2.status()).toBe(200);
    expect(await etcd.value(`${ns}/cad2`)).toBeUndefined();

    const ok = await request.delete(`${keysUrl(`${ns}/cad`)}?prevValue=current`);
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as KeyBody).action).toBe("compareAndDelete");
    expect(await etcd.value(`${ns}/cad`)).toBeUndefined();
  });

  test("compare-and-delete on prevIndex", async ({ request, etcd, ns, keysUrl }) => {
    const stored = await etcd.put(`${ns}/cadi`, "v");
    const index = stored.body.node!.modifiedIndex;
    await expectApiError(await request.delete(`${keysUrl(`${ns}/cadi`)}?prevIndex=${index + 1000}`), 412, "compare_failed");
    expect(await etcd.value(`${ns}/cadi`)).toBe("v");
    const ok = await request.delete(`${keysUrl(`${ns}/cadi`)}?prevIndex=${index}`);
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as KeyBody).action).toBe("compareAndDelete");
    expect(await etcd.value(`${ns}/cadi`)).toBeUndefined();
  });

  test("directories: not_a_file without dir, directory_not_empty with dir, gone with recursive", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/tree/a`, "1");
    await etcd.put(`${ns}/tree/sub/b`, "2");
    const notFile = await expectApiError(await request.delete(keysUrl(`${ns}/tree`)), 403, "not_a_file");
    expect(notFile.etcdCode).toBe(102);
    const notEmpty = await expectApiError(await request.delete(`${keysUrl(`${ns}/tree`)}?dir=true`), 403, "directory_not_empty");
    expect(notEmpty.etcdCode).toBe(108);
    expect(await etcd.value(`${ns}/tree/a`)).toBe("1");

    await etcd.put(`${ns}/empty`, undefined, { dir: "true" });
    const empty = await request.delete(`${keysUrl(`${ns}/empty`)}?dir=true`);
    expect(empty.status()).toBe(200);
    expect((await etcd.get(`${ns}/empty`)).status).toBe(404);

    const all = await request.delete(`${keysUrl(`${ns}/tree`)}?recursive=true`);
    expect(all.status()).toBe(200);
    expect((await etcd.get(`${ns}/tree`)).status).toBe(404);
  });

  test("the root cannot be deleted", async ({ request, etcd }) => {
    for (const query of ["", "?dir=true", "?recursive=true"]) {
      await expectApiError(await request.delete(`/api/clusters/default/keys${query}`), 403, "root_read_only");
    }
    expect((await etcd.get("/")).status).toBe(200);
  });

  test("invalid query parameters are 400 and delete nothing", async ({ request, etcd, ns, keysUrl }) => {
    await etcd.put(`${ns}/keep`, "v");
    const url = keysUrl(`${ns}/keep`);
    await expectInvalid(await request.delete(`${url}?prevValue=`), "query.prevValue");
    await expectInvalid(await request.delete(`${url}?prevIndex=x`), "query.prevIndex");
    await expectInvalid(await request.delete(`${url}?prevIndex=0`), "query.prevIndex");
    await expectInvalid(await request.delete(`${url}?prevIndex=-1`), "query.prevIndex");
    await expectInvalid(await request.delete(`${url}?prevIndex=1.5`), "query.prevIndex");
    await expectInvalid(await request.delete(`${url}?recursive=yes`), "query.recursive");
    await expectInvalid(await request.delete(`${url}?dir=true&dir=false`), "query.dir");
    await expectInvalid(await request.delete(`${url}?prevValue=a&prevValue=v`), "query.prevValue");
    await expectInvalid(await request.delete(`${url}?prevExist=false`), /^query/);
    expect(await etcd.value(`${ns}/keep`)).toBe("v");
  });

  test("a DELETE on an unreachable cluster is a 503", async ({ request }) => {
    await expectApiError(await request.delete("/api/clusters/down/keys/a"), 503, "etcd_unavailable");
  });
});

test.describe("key names", () => {
  const names = ["with space", "ünïcödé 日本 🎉", "100%", "100%25", "what?", "hash#tag", "plus+sign", "semi;colon", "a&b=c", "quote'\"", "~tilde!*()", "%2F-not-a-slash"];

  test("odd characters round-trip: written through the API, read from etcd and back", async ({ request, etcd, ns, keysUrl }) => {
    for (const [i, name] of names.entries()) {
      const key = `${ns}/odd/${name}`;
      const response = await request.put(keysUrl(key), { data: { value: `value ${i}` } });
      expect(response.status(), name).toBe(201);
      expect(((await response.json()) as KeyBody).node.key, name).toBe(key);
      expect(await etcd.value(key), name).toBe(`value ${i}`);
      const read = (await (await request.get(keysUrl(key))).json()) as KeyBody;
      expect(read.node.key, name).toBe(key);
      expect(read.node.value, name).toBe(`value ${i}`);
    }
    const listing = (await (await request.get(keysUrl(`${ns}/odd`))).json()) as KeyBody;
    expect(listing.node.nodes!.map((n) => n.key).sort()).toEqual(names.map((n) => `${ns}/odd/${n}`).sort());

    for (const name of names) {
      const response = await request.delete(keysUrl(`${ns}/odd/${name}`));
      expect(response.status(), name).toBe(200);
      expect(await etcd.value(`${ns}/odd/${name}`), name).toBeUndefined();
    }
  });

  test("keys written directly to etcd are read through the API", async ({ request, etcd, ns, keysUrl }) => {
    for (const name of names) await etcd.put(`${ns}/direct/${name}`, name);
    for (const name of names) {
      const body = (await (await request.get(keysUrl(`${ns}/direct/${name}`))).json()) as KeyBody;
      expect(body.node.value, name).toBe(name);
    }
  });

  test("a literal + in the path is a plus, not a space", async ({ request, etcd, ns }) => {
    const response = await request.put(`/api/clusters/default/keys${encodeKey(ns)}/a+b`, { data: { value: "plus" } });
    expect(response.status()).toBe(201);
    expect(await etcd.value(`${ns}/a+b`)).toBe("plus");
    expect(await etcd.value(`${ns}/a b`)).toBeUndefined();
  });
});
