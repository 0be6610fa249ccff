import { Suspense } from "react";
import { ClusterOverview } from "@/components/cluster/cluster-overview";
import { clusterPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = clusterPageTitle("cluster");

// /cluster?cluster=prod: health, leader, stats, versions and membership of one configured cluster.
export default function ClusterPage() {
  return (
    <Suspense>
      <ClusterOverview />
    </Suspense>
  );
}
