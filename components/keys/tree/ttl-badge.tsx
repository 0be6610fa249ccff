"use client";
// A tree row's TTL: a live countdown on the page's one shared clock, amber under a minute, red under ten seconds.
import { Timer } from "lucide-react";
import { useFormatter, useTranslations } from "use-intl";
import type { TtlTone } from "@/lib/editor/ttl-tone";
import { useCountdown } from "../ttl-countdown";

const TONE_BADGE: Record<TtlTone, string> = {
  calm: "bg-subtle text-muted",
  warning: "bg-warning-soft text-warning",
  danger: "bg-danger-soft text-danger",
};

/** The badge of a key or directory with a TTL; `expiration` is what the listing said. */
export function TtlBadge({ expiration }: { expiration: string }) {
  const t = useTranslations("keyPanel.ttl");
  const format = useFormatter();
  const countdown = useCountdown(expiration);
  if (!countdown) return null;
  return (
    <span role="timer" aria-label={countdown.text} title={t("expiresAt", { time: format.dateTime(new Date(expiration), { dateStyle: "medium", timeStyle: "medium" }) })} className={`flex shrink-0 items-center gap-0.5 rounded px-1 text-[11px] tabular-nums ${TONE_BADGE[countdown.tone]}`}>
      <Timer aria-hidden="true" size={11} />
      {countdown.short}
    </span>
  );
}
