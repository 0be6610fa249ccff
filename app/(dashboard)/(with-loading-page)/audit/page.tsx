import { Suspense } from "react";
import { AuditPage } from "@/components/audit/audit-page";
import { pageTitle } from "@/lib/i18n/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("audit");

// /audit?user=&in=&operation=&result=&q=&from=&to=: the audit log, filtered as the URL says (lib/audit-page/filter.ts).
export default function AuditRoute() {
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
