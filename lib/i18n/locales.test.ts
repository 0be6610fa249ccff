import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("keeps the remembered choice over the browser's languages", () => {
    expect(negotiateLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(negotiateLocale("zh-CN", "en-US")).toBe("zh-CN");
  });
  it("takes the browser's first language the dashboard speaks, by quality", () => {
    expect(negotiateLocale(undefined, "fr-FR,zh-TW;q=0.8,en;q=0.5")).toBe("zh-CN");
    expect(negotiateLocale(undefined, "en;q=0.4,zh-Hans;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale(undefined, "de, en-GB;q=0.7")).toBe("en");
  });
  it("falls back to English for nothing, garbage or an unknown choice", () => {
    expect(negotiateLocale(undefined, null)).toBe("en");
    expect(negotiateLocale("klingon", ";;q=x,,")).toBe("en");
    expect(negotiateLocale(undefined, "zh;q=0")).toBe("en");
  });
});
