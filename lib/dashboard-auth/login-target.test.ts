import { describe, expect, it } from "vitest";
import { AFTER_LOGIN_DEFAULT, loginPath, safeNextPath } from "./login-target";

describe("safeNextPath", () => {
  it("keeps a path of the dashboard, with its query", () => {
    expect(safeNextPath("/keys/app/config?cluster=second")).toBe("/keys/app/config?cluster=second");
    expect(safeNextPath(["/watch?w=r@1/a", "/x"])).toBe("/watch?w=r@1/a");
  });
  it.each([undefined, "", "keys", "//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/a\\b", "/a\nb", "/login", "/login?next=/x", "/api/session"])(
    "sends %j to the default page",
    (next) => {
      expect(safeNextPath(next)).toBe(AFTER_LOGIN_DEFAULT);
    },
  );
  it("builds the login link with the path encoded", () => {
    expect(loginPath("/keys/a b?x=1&y=2")).toBe("/login?next=%2Fkeys%2Fa%20b%3Fx%3D1%26y%3D2");
  });
});
