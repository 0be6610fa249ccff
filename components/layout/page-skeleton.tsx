"use client";
import { useTranslations } from "use-intl";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * A page's heading and first blocks in grey, in the padding most pages use (p-6), beside the real sidebar
 * (app/(dashboard)/(with-loading-page)/loading.tsx). Announced once as "Loading" (role status); the boxes
 * inside are hidden from assistive technology.
 */
export function PageSkeleton() {
  const t = useTranslations("layout");
  return (
    <div role="status" aria-label={t("loading")} aria-busy="true" className="space-y-4 p-6">
      <span className="sr-only">{t("loadingText")}</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-24 w-full max-w-3xl" />
      <Skeleton className="h-24 w-full max-w-3xl" />
    </div>
  );
}
