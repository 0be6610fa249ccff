// The one set of formatting helpers for dates, times, relative times, durations, numbers and sizes, in the page's
// language and the browser's time zone (the provider's, components/i18n-provider.tsx). Built on use-intl's
// formatter so that nothing formats with the machine's defaults (toLocaleString, bare Intl.*).
import { createFormatter, useFormatter } from "use-intl";

type Formatter = ReturnType<typeof createFormatter>;
type When = Date | number | string;

const toDate = (when: When) => (when instanceof Date ? when : new Date(when));

/** Whole hours, minutes and seconds as the language writes them: "1h 2m 3s", "1小时2分钟3秒". */
function duration(format: Formatter, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const parts: [number, "day" | "hour" | "minute" | "second"][] = [
    [Math.floor(seconds / 86_400), "day"],
    [Math.floor((seconds % 86_400) / 3_600), "hour"],
    [Math.floor((seconds % 3_600) / 60), "minute"],
    [seconds % 60, "second"],
  ];
  const shown = parts.filter(([n]) => n > 0);
  return format.list(
    (shown.length ? shown : [[0, "second"] as const]).map(([n, unit]) => format.number(n, { style: "unit", unit, unitDisplay: "narrow" })),
    { type: "unit", style: "narrow" },
  );
}

/** Binary units keep their symbol in every language (Intl has no kibibyte); the number is the language's. */
const BINARY_UNITS = [
  [1024 * 1024, "MiB"],
  [1024, "KiB"],
] as const;

/** A byte count for people: "812 bytes", "1.5 KiB", "7.3 MiB"; "812字节" in Chinese. */
function bytes(format: Formatter, n: number): string {
  const unit = BINARY_UNITS.find(([size]) => n >= size);
  if (!unit) return format.number(n, { style: "unit", unit: "byte", unitDisplay: "long" });
  const [size, symbol] = unit;
  return `${format.number(n / size, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${symbol}`;
}

/** The helpers over one formatter (a hook's or, in tests, createFormatter's). */
export function formatHelpers(format: Formatter) {
  return {
    /** Date and time to the second: the audit log's times, a session's last use. */
    dateTime: (when: When) => format.dateTime(toDate(when), { dateStyle: "medium", timeStyle: "medium" }),
    /** Time of day only: events of the current page's life (a watch event). */
    time: (when: When) => format.dateTime(toDate(when), { timeStyle: "medium" }),
    /** Wall-clock time with milliseconds, "14:03:07.042": the watch log's events often come within one second. */
    clock: (when: When) => format.dateTime(toDate(when), { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hourCycle: "h23" }),
    /** "3 minutes ago", "in 2 hours": pass `now` for text that must not change while rendered. */
    relative: (when: When, now?: Date) => format.relativeTime(toDate(when), now),
    duration: (seconds: number) => duration(format, seconds),
    number: (n: number) => format.number(n),
    bytes: (n: number) => bytes(format, n),
  };
}

export type FormatHelpers = ReturnType<typeof formatHelpers>;

/** The formatting helpers in the page's language and time zone. */
export function useFormat(): FormatHelpers {
  return formatHelpers(useFormatter());
}
