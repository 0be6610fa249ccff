import { describe, expect, it } from "vitest";
import {
  addMemberBodySchema,
  auditQuerySchema,
  authNameSchema,
  createRoleBodySchema,
  createUserBodySchema,
  deleteKeyQuerySchema,
  getKeyQuerySchema,
  keyBelowRootSchema,
  keySchema,
  narrowGuestBodySchema,
  newUserNameSchema,
  patchRoleBodySchema,
  patchUserBodySchema,
  postKeyBodySchema,
  putKeyBodySchema,
} from "./schemas";

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe("PUT body", () => {
  it("accepts set, CAS, TTL removal, refresh and mkdir", () => {
    expect(ok(putKeyBodySchema, { value: "x" })).toBe(true);
    expect(ok(putKeyBodySchema, { value: "x", ttl: 30, prevIndex: 7, prevValue: "old" })).toBe(true);
    expect(ok(putKeyBodySchema, { value: "x", ttl: null, prevExist: true })).toBe(true);
    expect(ok(putKeyBodySchema, { refresh: true, ttl: 60, prevExist: true })).toBe(true);
    expect(ok(putKeyBodySchema, { dir: true, ttl: 60 })).toBe(true);
    expect(ok(putKeyBodySchema, { value: "" })).toBe(true);
  });

  it.each([
    [{ value: "x", ttl: -1 }, "ttl"],
    [{ value: "x", ttl: 1.5 }, "ttl"],
    [{ value: "x", ttl: "10" }, "ttl"],
    [{ value: "x", prevIndex: "x" }, "prevIndex"],
    [{ value: "x", prevIndex: 0 }, "prevIndex"],
    [{ value: "x", prevValue: "" }, "prevValue"],
    [{ value: 5 }, "value"],
    [{}, "value"],
    [{ ttl: 5, prevExist: true }, "value"],
    [{ dir: true, value: "x" }, "value"],
    [{ refresh: true }, "ttl"],
    [{ value: "x", prevExist: false, prevIndex: 3 }, "prevExist"],
    [{ value: "x", surprise: 1 }, ""],
  ])("rejects %j (issue at %s)", (body, path) => {
    const parsed = putKeyBodySchema.safeParse(body);
    expect(parsed.success).toBe(false);
    if (!parsed.success && path) expect(parsed.error.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("keys in bodies", () => {
  it("are absolute, with valid segments, within the one length limit; some may not be the root", () => {
    expect(ok(keySchema, "/a/b c")).toBe(true);
    expect(ok(keySchema, "/")).toBe(true);
    expect(ok(keyBelowRootSchema, "/")).toBe(false);
    for (const bad of ["a/b", "/a//b", "/a/./b", "", "/" + "x".repeat(4000), 7]) expect(ok(keySchema, bad)).toBe(false);
    expect(keySchema.safeParse("/" + "x".repeat(4000)).error?.issues[0]?.message).toMatch(/^not a valid key: too long/);
  });
});

describe("other inputs", () => {
  it("POST needs a value", () => {
    expect(ok(postKeyBodySchema, { value: "job" })).toBe(true);
    expect(ok(postKeyBodySchema, { value: "job", ttl: 5 })).toBe(true);
    expect(ok(postKeyBodySchema, {})).toBe(false);
  });

  it("query booleans are only true / false", () => {
    expect(getKeyQuerySchema.parse({ recursive: "true", sorted: "false" })).toEqual({ recursive: true, sorted: false });
    expect(ok(getKeyQuerySchema, { recursive: "yes" })).toBe(false);
    expect(ok(getKeyQuerySchema, { wait: "true" })).toBe(false);
  });

  it("DELETE parses prevIndex from the query", () => {
    expect(deleteKeyQuerySchema.parse({ prevIndex: "42", prevValue: "v" })).toEqual({ prevIndex: 42, prevValue: "v" });
    expect(ok(deleteKeyQuerySchema, { prevIndex: "x" })).toBe(false);
    expect(ok(deleteKeyQuerySchema, { prevIndex: "0" })).toBe(false);
    expect(ok(deleteKeyQuerySchema, { prevIndex: "-3" })).toBe(false);
  });

  it("members need peer URLs", () => {
    expect(ok(addMemberBodySchema, { peerURLs: ["http://127.0.0.1:2380"] })).toBe(true);
    expect(ok(addMemberBodySchema, { peerURLs: [] })).toBe(false);
    expect(ok(addMemberBodySchema, { peerURLs: ["not a url"] })).toBe(false);
    expect(ok(addMemberBodySchema, { peerURLs: ["ftp://h:1"] })).toBe(false);
  });
});

describe("etcd auth administration bodies", () => {
  it("passwords: required, at most 72 bytes (bcrypt ignores the rest), counted in UTF-8", () => {
    expect(createUserBodySchema.safeParse({ password: "x".repeat(72) }).success).toBe(true);
    expect(createUserBodySchema.safeParse({ password: "x".repeat(73) }).success).toBe(false);
    expect(createUserBodySchema.safeParse({ password: "é".repeat(36) }).success).toBe(true);
    expect(createUserBodySchema.safeParse({ password: "é".repeat(37) }).success).toBe(false);
    expect(createUserBodySchema.safeParse({ password: "" }).success).toBe(false);
  });

  it("names: one path segment, and no ':' in a new user's name", () => {
    for (const bad of ["", ".", "..", "a/b", "a\nb"]) expect(authNameSchema.safeParse(bad).success).toBe(false);
    expect(authNameSchema.safeParse("app:reader").success).toBe(true);
    expect(newUserNameSchema.safeParse("app:reader").success).toBe(false);
    expect(newUserNameSchema.safeParse("ops team").success).toBe(true);
  });

  it("a user change is exactly one of password, grant or revoke", () => {
    expect(patchUserBodySchema.safeParse({ password: "p" }).success).toBe(true);
    expect(patchUserBodySchema.safeParse({ grant: ["app"] }).success).toBe(true);
    expect(patchUserBodySchema.safeParse({ revoke: ["app"] }).success).toBe(true);
    expect(patchUserBodySchema.safeParse({}).success).toBe(false);
    expect(patchUserBodySchema.safeParse({ grant: [] }).success).toBe(false);
    expect(patchUserBodySchema.safeParse({ password: "p", grant: ["app"] }).success).toBe(false);
  });

  it("role patterns start with '/', and a change names at least one", () => {
    expect(createRoleBodySchema.parse({})).toEqual({ read: [], write: [] });
    expect(createRoleBodySchema.safeParse({ read: ["/app/*"], write: ["/app/cfg"] }).success).toBe(true);
    expect(createRoleBodySchema.safeParse({ read: ["app/*"] }).success).toBe(false);
    expect(createRoleBodySchema.safeParse({ read: [""] }).success).toBe(false);
    expect(patchRoleBodySchema.safeParse({ grant: { read: ["/a"] } }).success).toBe(true);
    expect(patchRoleBodySchema.safeParse({ grant: { read: [] }, revoke: {} }).success).toBe(false);
    expect(narrowGuestBodySchema.safeParse({ read: true }).success).toBe(true);
    expect(narrowGuestBodySchema.safeParse({ write: true }).success).toBe(false);
  });
});

describe("audit query", () => {
  it("reads the filter, cursor and limit, and takes an empty parameter for a missing one", () => {
    expect(auditQuerySchema.parse({ user: "alice", cluster: "prod", operation: "member-add", result: "failed", q: "/a", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00+01:00", cursor: "1234", limit: "1000" })).toEqual({
      user: "alice",
      cluster: "prod",
      operation: "member-add",
      result: "failed",
      q: "/a",
      from: "2026-01-01T00:00:00Z",
      to: "2026-01-02T00:00:00+01:00",
      cursor: 1234,
      limit: 1000,
    });
    expect(auditQuerySchema.parse({ user: "", cluster: "", operation: "", result: "", q: "", from: "", to: "", cursor: "", limit: "" })).toEqual({});
  });

  it.each([
    [{ limit: "0" }, "limit"],
    [{ limit: "1001" }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ cursor: "-1" }, "cursor"],
    [{ cursor: "12abc" }, "cursor"],
    [{ operation: "get" }, "operation"],
    [{ result: "error" }, "result"],
    [{ cluster: "../etc" }, "cluster"],
    [{ from: "yesterday" }, "from"],
    [{ to: "2026-01-01" }, "to"],
    [{ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "to"],
    [{ surprise: "1" }, ""],
  ])("rejects %j (issue at %s)", (query, path) => {
    const parsed = auditQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
