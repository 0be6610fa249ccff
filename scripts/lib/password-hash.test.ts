import { describe, expect, it } from "vitest";
import { PASSWORD_HASH_PATTERN, hashPassword, verifyPassword } from "./password-hash.mjs";

// A low cost keeps the test quick; the format and the check are the same at any cost.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe("password hashes", () => {
  it("verifies the password it was made from, and no other", async () => {
    const hash = await hashPassword("correct horse", CHEAP);
    expect(hash).toMatch(PASSWORD_HASH_PATTERN);
    expect(hash.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horse ", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash, so the same password never gives the same hash twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same", CHEAP), hashPassword("same", CHEAP)]);
    expect(a).not.toBe(b);
  });

  it("treats composed and decomposed Unicode as the same password", async () => {
    const hash = await hashPassword("caf\u00e9", CHEAP);
    expect(await verifyPassword("cafe\u0301", hash)).toBe(true);
  });

  it("never matches a malformed hash or one with a cost scrypt refuses", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "plain-text-password")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1024$8$1$c2FsdA==$c2hvcnQ=")).toBe(false);
  });
});
