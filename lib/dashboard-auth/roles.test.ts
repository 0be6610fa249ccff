import { describe, expect, it } from "vitest";
import { roleAllows } from "./roles";

describe("roleAllows", () => {
  it("lets each role do what the roles below it may do, and no more", () => {
    expect(roleAllows("viewer", "viewer")).toBe(true);
    expect(roleAllows("viewer", "editor")).toBe(false);
    expect(roleAllows("viewer", "admin")).toBe(false);
    expect(roleAllows("editor", "viewer")).toBe(true);
    expect(roleAllows("editor", "editor")).toBe(true);
    expect(roleAllows("editor", "admin")).toBe(false);
    expect(roleAllows("admin", "viewer")).toBe(true);
    expect(roleAllows("admin", "editor")).toBe(true);
    expect(roleAllows("admin", "admin")).toBe(true);
  });
});
