import { describe, expect, it } from "vitest";
import { memberLabel } from "./member-label";

describe("memberLabel", () => {
  it("is the name, or the id for a member that never started", () => {
    expect(memberLabel({ id: "8e9e05c52164694d", name: "m2" })).toBe("m2");
    expect(memberLabel({ id: "b89039de6f788862", name: "" })).toBe("member b89039de6f788862");
  });
});
