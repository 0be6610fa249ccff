import { auditQuerySchema } from "@/lib/api/schemas";
import { readQuery } from "@/lib/api/server/request-guards";
import { apiRoute } from "@/lib/api/server/route";
import { auditLogPath } from "@/lib/audit/log";
import { readAuditLog } from "@/lib/audit/read";

export const dynamic = "force-dynamic";

// GET /api/audit?user=&cluster=&operation=&result=&q=&from=&to=&cursor=&limit= - the audit log, newest first (admin)
export const GET = apiRoute(
  async ({ request }) => {
    const query = readQuery(request, auditQuerySchema);
    const file = auditLogPath();
    return { ...(await readAuditLog(file, query)), file };
  },
  { role: "admin" },
);
