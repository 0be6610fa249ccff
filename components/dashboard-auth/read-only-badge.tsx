"use client";
import { Lock } from "lucide-react";
import { useTranslations } from "use-intl";
import { useAccess } from "@/lib/hooks/use-access";

/** Says plainly when nothing can be changed on this cluster, and why: the configuration or the role. */
export function ReadOnlyBadge({ cluster }: { cluster: string }) {
  const t = useTranslations("dashboardAuth.readOnly");
  const { readOnly, can } = useAccess(cluster);
  if (!readOnly && can("editor")) return null;
  const why = readOnly ? t("byConfiguration") : t("byRole");
  return (
    <p role="status" aria-label={t("label")} title={why} className="flex items-center gap-1 rounded-md bg-info-soft px-2 py-1 text-xs text-info">
      <Lock aria-hidden size={12} /> {t("badge", { why })}
    </p>
  );
}
