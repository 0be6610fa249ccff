import { createFormatter } from "use-intl";
import { describe, expect, it } from "vitest";
import { formatHelpers } from "./format";

const helpers = (locale: "en" | "zh-CN") => formatHelpers(createFormatter({ locale, timeZone: "Asia/Shanghai" }));
const when = "2026-03-04T05:06:07.000Z";

describe("formatHelpers", () => {
  it("formats dates and times in the language and the provider's time zone", () => {
    expect(helpers("en").dateTime(when)).toBe("Mar 4, 2026, 1:06:07 PM");
    expect(helpers("zh-CN").dateTime(when)).toBe("2026年3月4日 13:06:07");
    expect(helpers("zh-CN").time(when)).toBe("13:06:07");
    expect(helpers("en").clock(Date.parse(when) + 42)).toBe("13:06:07.042");
  });
  it("formats numbers with the language's grouping", () => {
    expect(helpers("en").number(1234567)).toBe("1,234,567");
    expect(helpers("zh-CN").number(1234567)).toBe("1,234,567");
  });
  it("writes sizes in bytes, KiB and MiB with the language's number and word for bytes", () => {
    expect(helpers("en").bytes(1)).toBe("1 byte");
    expect(helpers("en").bytes(812)).toBe("812 bytes");
    expect(helpers("en").bytes(1536)).toBe("1.5 KiB");
    expect(helpers("en").bytes(7.25 * 1024 * 1024)).toBe("7.3 MiB");
    expect(helpers("en").bytes(5000 * 1024 * 1024)).toBe("5,000.0 MiB");
    expect(helpers("zh-CN").bytes(812)).toBe("812字节");
    expect(helpers("zh-CN").bytes(1536)).toBe("1.5 KiB");
  });
  it("writes durations as the language does, leaving out empty units", () => {
    expect(helpers("en").duration(3723)).toBe("1h 2m 3s");
    expect(helpers("en").duration(0)).toBe("0s");
    expect(helpers("zh-CN").duration(90_000)).toBe("1天1小时");
  });
  it("says how long ago something was", () => {
    const now = new Date("2026-03-04T05:09:07.000Z");
    expect(helpers("en").relative(when, now)).toBe("3 minutes ago");
    expect(helpers("zh-CN").relative(when, now)).toBe("3分钟前");
  });
});
