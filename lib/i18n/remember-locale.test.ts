import { describe, expect, it } from "vitest";
import { localeCookie } from "./remember-locale";

describe("localeCookie", () => {
  it("remembers only the language, for the whole site, a year, same-site", () => {
    expect(localeCookie("zh-CN")).toBe("etcd-dashboard-locale=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
