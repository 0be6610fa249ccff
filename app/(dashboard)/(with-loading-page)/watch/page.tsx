import { Suspense } from "react";
import { WatchPage } from "@/components/watch/watch-page";
import { clusterPageTitle } from "@/lib/i18n/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = clusterPageTitle("watch");

// /watch?w=r/config&w=@120/a: one live panel per `w=` (lib/watch-page/panels.ts); ?cluster= picks the cluster.
export default function WatchRoute() {
  return (
    <Suspense>
      <WatchPage />
    </Suspense>
  );
}
