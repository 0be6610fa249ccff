import { Suspense } from "react";
import { WatchPage } from "@/components/watch/watch-page";

export const dynamic = "force-dynamic";

// /watch?w=r/config&w=@120/a: one live panel per `w=` (lib/watch-page/panels.ts); ?cluster= picks the cluster.
export default function WatchRoute() {
  return (
    <Suspense>
      <WatchPage />
    </Suspense>
  );
}
