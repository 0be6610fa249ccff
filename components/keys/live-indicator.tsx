"use client";
import { useTranslations } from "use-intl";
import { StreamIndicator } from "@/components/watch/stream-indicator";
import { useLiveKeysContext } from "@/lib/hooks/use-live-keys";

/** Whether the tree and the key panel follow etcd's changes right now, and why not when they do not. */
export function LiveIndicator() {
  const t = useTranslations("keys");
  return <StreamIndicator stream={useLiveKeysContext()} label={t("liveUpdates")} />;
}
