import { Suspense } from "react";
import { EtcdAuthPage } from "@/components/etcd-auth/etcd-auth-page";
import { clusterPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = clusterPageTitle("etcdAuth");

// /etcd-auth?cluster=prod: etcd's v2 auth of one configured cluster (admins only).
export default function EtcdAuth() {
  return (
    <Suspense>
      <EtcdAuthPage />
    </Suspense>
  );
}
