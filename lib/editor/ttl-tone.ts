// How urgent a TTL looks, and a duration split for the countdown's words. Pure.

/** Under a minute left: the warning colour (amber). */
export const WARNING_BELOW_S = 60;
/** Under ten seconds left: the danger colour (red). */
export const DANGER_BELOW_S = 10;

export type TtlTone = "calm" | "warning" | "danger";

export function ttlTone(secondsLeft: number): TtlTone {
  if (secondsLeft < DANGER_BELOW_S) return "danger";
  if (secondsLeft < WARNING_BELOW_S) return "warning";
  return "calm";
}

/** The message and its parts for a duration: "{s} s", "{m} min {s} s", "{h} h {m} min", "{d} d {h} h". */
export type DurationParts =
  | { unit: "s"; s: number }
  | { unit: "ms"; m: number; s: number }
  | { unit: "hm"; h: number; m: number }
  | { unit: "dh"; d: number; h: number };

/** Seconds down to the minute show seconds; longer ones the two largest units (a day's countdown needs no seconds). */
export function durationParts(seconds: number): DurationParts {
  const t = Math.max(0, Math.floor(seconds));
  if (t < 60) return { unit: "s", s: t };
  if (t < 3600) return { unit: "ms", m: Math.floor(t / 60), s: t % 60 };
  if (t < 86_400) return { unit: "hm", h: Math.floor(t / 3600), m: Math.floor((t % 3600) / 60) };
  return { unit: "dh", d: Math.floor(t / 86_400), h: Math.floor((t % 86_400) / 3600) };
}
