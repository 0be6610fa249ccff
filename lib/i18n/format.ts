// The one set of formatting helpers for dates, times, relative times, durations and numbers, in the page's
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
  };
}

export type FormatHelpers = ReturnType<typeof formatHelpers>;

/** The formatting helpers in the page's language and time zone. */
export function useFormat(): FormatHelpers {
  return formatHelpers(useFormatter());
}
