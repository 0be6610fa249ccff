"use client";
// A live TTL countdown, on the page's one shared clock (lib/hooks/use-clock.ts). role="timer" is not a
// live region: screen readers read the time left when they reach it, never every second. Nothing moves
// but the digits, so prefers-reduced-motion has nothing to stop.
import { useTranslations } from "use-intl";
import { useSecondsLeft } from "@/lib/hooks/use-clock";
import { durationParts, ttlTone, type TtlTone } from "@/lib/editor/ttl-tone";

/** The duration in words of the page's language: "4 min 12 s", "4 分 12 秒". */
export function useDurationText(): (seconds: number) => string {
  const t = useTranslations("keyPanel.duration");
  return (seconds) => {
    const p = durationParts(seconds);
    switch (p.unit) {
      case "s":
        return t("s", p);
      case "ms":
        return t("ms", p);
      case "hm":
        return t("hm", p);
      case "dh":
        return t("dh", p);
    }
  };
}

/** Text colour per urgency: amber under a minute, red under ten seconds (lib/editor/ttl-tone.ts). */
export const TONE_TEXT: Record<TtlTone, string> = { calm: "text-fg", warning: "text-warning", danger: "text-danger" };

/** Seconds left, its tone and its words ("expires in 4 min 12 s", short "4 min 12 s"; "expired"), for a countdown's markup. */
export function useCountdown(expiration: string | undefined) {
  const t = useTranslations("keyPanel.ttl");
  const duration = useDurationText();
  const left = useSecondsLeft(expiration);
  if (left === null) return null;
  const tone = ttlTone(left);
  const expired = left <= 0;
  return { left, tone, text: expired ? t("expired") : t("expiresIn", { time: duration(left) }), short: expired ? t("expired") : duration(left) };
}

/** "expires in 4 min 12 s", counting down, amber then red near the end. */
export function TtlCountdown({ expiration }: { expiration: string }) {
  const t = useTranslations("keyPanel.ttl");
  const countdown = useCountdown(expiration);
  if (!countdown) return null;
  return (
    <span role="timer" aria-label={t("timeLeft")} className={`font-medium tabular-nums ${TONE_TEXT[countdown.tone]}`}>
      {countdown.text}
    </span>
  );
}
