// Figures of the Cluster page in words a person reads at a glance. Deterministic (UTC, en-US) so the
// server-rendered shell and the browser agree, and tests can pin them.

const GO_DURATION_UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1, "µs": 0.001, us: 0.001, ns: 0.000_001 };

/** etcd reports uptimes as Go durations ("1h2m3.5s", "3.764731061s"): milliseconds, or undefined if not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === "0s" || text === "0") return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) return undefined;
  return parts.reduce((ms, [, amount, unit]) => ms + Number(amount) * GO_DURATION_UNIT_MS[unit!]!, 0);
}

/** "2d 3h", "15m 58s", "3.8s": the two largest units are enough to judge an uptime. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1_000],
  ];
  const parts: string[] = [];
  let rest = Math.floor(ms);
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** A Go duration from etcd as a readable uptime; etcd's own text when it is not one. */
export function formatUptime(goDuration: string): string {
  const ms = parseGoDuration(goDuration);
  return ms === undefined ? goDuration : formatDuration(ms);
}

/** "2026-11-24 11:58:49 UTC" */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/** A size: "372 B", "1.5 KiB", "14.3 MiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** Bandwidth: "372 B/s", "1.5 KiB/s". */
export function formatBytesPerSecond(bytes: number): string {
  return `${formatBytes(bytes)}/s`;
}

/** Operations or packets per second: "0/s", "4.61/s", "1,234/s". */
export function formatPerSecond(rate: number): string {
  if (rate === 0) return "0/s";
  if (rate >= 100) return `${Math.round(rate).toLocaleString("en-US")}/s`;
  return `${Number(rate.toPrecision(3))}/s`;
}

/**
 * etcd's follower latencies are milliseconds, mostly far below one (the time to write an append message
 * locally): shown in µs below 1 ms so the digits that matter are visible.
 */
export function formatLatency(ms: number): string {
  if (ms >= 1) return `${Number(ms.toPrecision(3))} ms`;
  return `${Number((ms * 1000).toPrecision(3))} µs`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** "StateLeader" -> "leader". */
export function formatRaftState(state: string): string {
  return state.replace(/^State/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Milliseconds as settings are written: "5 s", "1.5 s", "800 ms". */
export function formatMilliseconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
