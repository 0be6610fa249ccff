// Figures of the Cluster page in words a person reads at a glance, in the page's language: every function that
// writes a number takes the page's formatter (useFormatter() in a component, createFormatter() in a test), so
// they stay pure and digits are grouped the same way as everywhere else. Units (ms, µs, KiB, /s) read the same
// in every language.
import { createFormatter } from "use-intl";
import type { FormatHelpers } from "@/lib/i18n/format";

/** What these functions need of use-intl's formatter: its number formatting. */
export type NumberFormatter = Pick<ReturnType<typeof createFormatter>, "number">;

const GO_DURATION_UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, "µs": 0.001, us: 0.001, ns: 0.000_001 };

/** etcd reports uptimes as Go durations ("1h2m3.5s", "3.764731061s"): milliseconds, or undefined if not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === "0s" || text === "0") return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) return undefined;
  return parts.reduce((ms, [, amount, unit]) => ms + Number(amount) * GO_DURATION_UNIT_MS[unit!]!, 0);
}

const SECONDS_IN = { day: 86_400, hour: 3_600, minute: 60 };

/**
 * "2d 3h", "15m 58s" ("2天3小时" in Chinese): the two largest units are enough to judge an uptime, so the time is
 * cut to the second largest unit and written by the shared duration helper.
 */
export function formatDuration(ms: number, duration: FormatHelpers["duration"]): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const precision = seconds >= SECONDS_IN.day ? SECONDS_IN.hour : seconds >= SECONDS_IN.hour ? SECONDS_IN.minute : 1;
  return duration(seconds - (seconds % precision));
}

/** A Go duration from etcd as a readable uptime; etcd's own text when it is not one. */
export function formatUptime(goDuration: string, duration: FormatHelpers["duration"]): string {
  const ms = parseGoDuration(goDuration);
  return ms === undefined ? goDuration : formatDuration(ms, duration);
}

/** etcd's ISO time in the page's language and time zone; etcd's own text when it is not a time. */
export function formatTimestamp(iso: string, dateTime: FormatHelpers["dateTime"]): string {
  return Number.isNaN(new Date(iso).getTime()) ? iso : dateTime(iso);
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];
/** For callers outside the Cluster page that have no formatter at hand. */
const ENGLISH = createFormatter({ locale: "en", timeZone: "UTC" });

/** A size: "372 B", "1.5 KiB", "14.3 MiB". */
export function formatBytes(bytes: number, format: NumberFormatter = ENGLISH): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
}

/** Bandwidth: "372 B/s", "1.5 KiB/s". */
export function formatBytesPerSecond(bytes: number, format: NumberFormatter): string {
  return `${formatBytes(bytes, format)}/s`;
}

/** Operations or packets per second: "0/s", "4.61/s", "1,234/s". */
export function formatPerSecond(rate: number, format: NumberFormatter): string {
  const shown = rate >= 100 ? format.number(Math.round(rate)) : format.number(rate, { maximumSignificantDigits: 3 });
  return `${shown}/s`;
}

/**
 * etcd's follower latencies are milliseconds, mostly far below one (the time to write an append message
 * locally): shown in µs below 1 ms so the digits that matter are visible.
 */
export function formatLatency(ms: number, format: NumberFormatter): string {
  const threeDigits = (n: number) => format.number(n, { maximumSignificantDigits: 3 });
  return ms >= 1 ? `${threeDigits(ms)} ms` : `${threeDigits(ms * 1000)} µs`;
}

/** "StateLeader" -> "leader": etcd's raft states the catalogue does not name (a future etcd's). */
export function formatRaftState(state: string): string {
  return state.replace(/^State/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Milliseconds as settings are written: "5 s", "1.5 s", "800 ms". */
export function formatMilliseconds(ms: number, format: NumberFormatter): string {
  return ms >= 1000 ? `${format.number(ms / 1000, { maximumFractionDigits: 1 })} s` : `${format.number(ms)} ms`;
}
