import { describe, expect, it } from "vitest";
import { keyPageHref } from "@/lib/keys-url";
import { utf8Bytes } from "./key-bytes";
import { decodeKeyParam, encodeKeyParam, keyspaceRootHref, queryRecord, v3KeyParamSchema, v3KeysPageHref, v3KeysPageQuerySchema, type V3KeyTarget } from "./key-url";
import { randomBytes, seededRandom } from "./random-bytes";

const b = (text: string) => utf8Bytes(text);
const raw = (...bytes: number[]) => Uint8Array.from(bytes);

/** What a page reads from an href: the query as Next (URLSearchParams) decodes it, through the schema. */
function readHref(href: string) {
  const url = new URL(href, "http://dashboard.test");
  expect(url.pathname).toBe("/keys");
  return v3KeysPageQuerySchema.safeParse(queryRecord(url.searchParams));
}

function issues(query: Record<string, string | string[]>): string[] {
  const result = v3KeysPageQuerySchema.safeParse(query);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("keyspaceRootHref", () => {
  it("opens either keyspace's root, v2 with its own URLs", () => {
    expect(keyspaceRootHref("prod", "v3")).toBe("/keys?cluster=prod&keyspace=v3");
    expect(keyspaceRootHref("prod", "v2")).toBe(keyPageHref("prod", "/"));
    expect(keyspaceRootHref("default", "v2")).toBe("/keys");
  });
});

describe("v3KeysPageHref", () => {
  it("holds the cluster, the keyspace and the key", () => {
    expect(v3KeysPageHref("prod", { kind: "key", key: b("/registry/pods/web-0") })).toBe("/keys?cluster=prod&keyspace=v3&key=/registry/pods/web-0");
    expect(v3KeysPageHref("default", { kind: "key", key: b("foo") })).toBe("/keys?keyspace=v3&key=foo");
    expect(v3KeysPageHref("default", { kind: "root" })).toBe("/keys?keyspace=v3");
    expect(v3KeysPageHref("default", { kind: "dir", prefix: b("/") })).toBe("/keys?keyspace=v3&dir=/");
    expect(v3KeysPageHref("default", { kind: "dir", prefix: new Uint8Array(0) })).toBe("/keys?keyspace=v3");
  });

  it("percent-encodes everything outside the unreserved set but '/'", () => {
    expect(encodeKeyParam(b("a b?c#d%e&f=g+h"))).toBe("a%20b%3Fc%23d%25e%26f%3Dg%2Bh");
    expect(encodeKeyParam(b("(x)!*'~-._"))).toBe("%28x%29%21%2A%27~-._");
    expect(encodeKeyParam(raw(0xff, 0x2f, 0x5c))).toBe("%5Cxff/%5C%5C");
    expect(encodeKeyParam(b("你"))).toBe("%E4%BD%A0");
    expect(encodeKeyParam(raw(0xff))).toMatch(/^[A-Za-z0-9\-._~%/]*$/);
  });

  it("leaves v2 URLs as they were", () => {
    expect(keyPageHref("prod", "/a/b c")).toBe("/keys/a/b%20c?cluster=prod");
  });

  it("opens the same key for every byte string (random bytes, through URLSearchParams)", () => {
    const random = seededRandom(3);
    for (let n = 0; n < 5000; n++) {
      const key = randomBytes(random);
      if (key.length === 0) continue;
      const target: V3KeyTarget = { kind: "key", key };
      const read = readHref(v3KeysPageHref("c1", target));
      expect(read.success && read.data).toEqual({ cluster: "c1", keyspace: "v3", target });
    }
  });

  it("opens the same directory", () => {
    const prefix = raw(0x61, 0xff, 0x2f, 0x2f);
    expect(readHref(v3KeysPageHref("default", { kind: "dir", prefix }))).toMatchObject({ success: true, data: { cluster: "default", target: { kind: "dir", prefix } } });
    expect(readHref(v3KeysPageHref("default", { kind: "root" }))).toMatchObject({ success: true, data: { target: { kind: "root" } } });
  });
});

describe("v3KeysPageQuerySchema", () => {
  it("refuses malformed keys with a clear reason, never throwing", () => {
    expect(issues({ keyspace: "v3", key: "C:\\path" })).toEqual(["key: unknown escape at character 3: a backslash starts \\xHH (one byte), \\u{HEX} (a character) or \\\\ (a backslash)"]);
    expect(issues({ keyspace: "v3", key: "a\\x4" })).toEqual(["key: \\x needs two hex digits at character 2"]);
    expect(issues({ keyspace: "v3", key: "" })).toEqual(["key: a key is one byte or more (etcd has no empty key)"]);
    expect(issues({ keyspace: "v3", dir: "a" })).toEqual(['dir: a directory ends with "/" (or is empty, for the root)']);
    expect(issues({ keyspace: "v3", key: "a", dir: "b/" })).toEqual(["dir: give key or dir, not both"]);
    expect(issues({ keyspace: "v3", key: ["a", "b"] })).toEqual(["key: give key once"]);
    expect(issues({ keyspace: "v2", key: "a" })).toEqual(['keyspace: keyspace is "v3" here']);
    expect(issues({ keyspace: "v3", cluster: "../etc" })).toEqual(["cluster: not a valid cluster name"]);
  });

  it("refuses a raw non-UTF-8 byte that a decoder turned into U+FFFD, instead of opening another key", () => {
    const read = v3KeysPageQuerySchema.safeParse(queryRecord(new URLSearchParams("keyspace=v3&key=a%FF")));
    expect(read.success).toBe(false);
    expect(read.error?.issues[0]?.message).toBe("a byte that is not UTF-8 was percent-encoded as is at character 2: write it as \\xHH (for 0xff: %5Cxff)");
    expect(decodeKeyParam("\\u{fffd}")).toEqual({ ok: true, bytes: b("\ufffd") });
  });

  it("reads a key typed with escapes, or a repeated name given once", () => {
    expect(v3KeyParamSchema.parse("a\\xff")).toEqual(raw(0x61, 0xff));
    expect(v3KeysPageQuerySchema.parse({ keyspace: ["v3"], key: ["x"] }).target).toEqual({ kind: "key", key: b("x") });
  });
});
