import { describe, expect, it } from "vitest";
import { deleteKey3QuerySchema, getKeys3QuerySchema, leaseId3Schema, putKey3BodySchema } from "./keys3";

describe("leaseId3Schema", () => {
  it("takes decimal ids up to 2^64 - 1, kept as strings", () => {
    expect(leaseId3Schema.parse("18446744073709551615")).toBe("18446744073709551615");
    expect(leaseId3Schema.parse("7")).toBe("7");
  });

  it("refuses anything else without throwing", () => {
    for (const id of ["xyz", "-1", "0", "0x10", "1.5", "", "18446744073709551616", "99999999999999999999"]) {
      expect(leaseId3Schema.safeParse(id).success, id).toBe(false);
    }
  });
});

describe("putKey3BodySchema", () => {
  it("takes exactly one of text and base64, and one of modRevision and create", () => {
    expect(putKey3BodySchema.safeParse({ text: "a", modRevision: "3" }).success).toBe(true);
    expect(putKey3BodySchema.safeParse({ base64: "AP8=", create: true, ttl: 30 }).success).toBe(true);
    expect(putKey3BodySchema.safeParse({ text: "a", modRevision: "3", ttl: null }).success).toBe(true);
    expect(putKey3BodySchema.safeParse({ text: "a", base64: "YQ==", create: true }).success).toBe(false);
    expect(putKey3BodySchema.safeParse({ create: true }).success).toBe(false);
    expect(putKey3BodySchema.safeParse({ text: "a" }).success).toBe(false);
    expect(putKey3BodySchema.safeParse({ text: "a", modRevision: "3", create: true }).success).toBe(false);
  });

  it("refuses bad base64, a negative or fractional ttl, a revision that is not a decimal string, unknown fields", () => {
    for (const body of [
      { base64: "not base64!", create: true },
      { base64: "YQ", create: true },
      { text: "a", create: true, ttl: -5 },
      { text: "a", create: true, ttl: 0 },
      { text: "a", create: true, ttl: 1.5 },
      { text: "a", modRevision: 5 },
      { text: "a", modRevision: "0" },
      { text: "a", create: true, value: "x" },
    ]) {
      expect(putKey3BodySchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });
});

describe("getKeys3QuerySchema", () => {
  it("takes key= or dir=, and revision / from only with dir=", () => {
    expect(getKeys3QuerySchema.parse({ key: "a\\xff" }).key).toEqual(Uint8Array.of(0x61, 0xff));
    expect(getKeys3QuerySchema.parse({ dir: "", revision: "9", from: "a" }).dir).toEqual(new Uint8Array(0));
    expect(getKeys3QuerySchema.safeParse({}).success).toBe(false);
    expect(getKeys3QuerySchema.safeParse({ key: "a", dir: "b/" }).success).toBe(false);
    expect(getKeys3QuerySchema.safeParse({ key: "a", revision: "3" }).success).toBe(false);
    expect(getKeys3QuerySchema.safeParse({ dir: "b" }).success).toBe(false);
  });
});

describe("deleteKey3QuerySchema", () => {
  it("takes key= with modRevision=, or dir= (not the root) with seenAt=", () => {
    expect(deleteKey3QuerySchema.safeParse({ key: "a", modRevision: "3" }).success).toBe(true);
    expect(deleteKey3QuerySchema.safeParse({ dir: "a/", seenAt: "3" }).success).toBe(true);
    for (const query of [{ key: "a" }, { dir: "a/" }, { dir: "", seenAt: "3" }, { key: "a", seenAt: "3" }, { dir: "a/", modRevision: "3" }, { key: "a", dir: "b/", modRevision: "1" }, {}]) {
      expect(deleteKey3QuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });
});
