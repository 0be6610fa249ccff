"use client";
import { useCallback } from "react";
import { useTranslations } from "use-intl";
import type { MemberOverview } from "@/lib/api/cluster-overview";

/** A member's name; one added but not started yet has none (etcd reports ""), so its id stands in. */
export function useMemberLabel() {
  const t = useTranslations("cluster.members");
  return useCallback((member: Pick<MemberOverview, "id" | "name">): string => member.name || t("unnamed", { id: member.id }), [t]);
}
