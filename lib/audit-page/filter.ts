// The Audit page's filter lives in the URL, so a filtered view can be shared: the API's parameter names
// (`/audit?user=alice&operation=put&result=failed&q=/config&from=…&to=…`), except the cluster, which is
// `in=` because `cluster=` is the cluster the whole dashboard has selected (the sidebar's). The browser
// passes the text on and the API validates it: a hand-edited link shows the API's message.
// Pure; no browser or Next.js APIs.

const AUDIT_PAGE_PATH = "/audit";
const AUDIT_FILTER_FIELDS = ["user", "cluster", "operation", "result", "q", "from", "to"] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];
/** The filter as text, a field left out (or empty) meaning "any". */
export type AuditPageFilter = Partial<Record<AuditFilterField, string>>;

const PAGE_PARAM: Record<AuditFilterField, string> = { user: "user", cluster: "in", operation: "operation", result: "result", q: "q", from: "from", to: "to" };

export function auditFilterFromSearchParams(params: Pick<URLSearchParams, "get">): AuditPageFilter {
  const filter: AuditPageFilter = {};
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = params.get(PAGE_PARAM[field]);
    if (value) filter[field] = value;
  }
  return filter;
}

export function isFiltered(filter: AuditPageFilter): boolean {
  return AUDIT_FILTER_FIELDS.some((field) => filter[field]);
}

function query(filter: AuditPageFilter, name: (field: AuditFilterField) => string): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = filter[field];
    if (value) params.set(name(field), value);
  }
  return params;
}

/** The Audit page showing this filter. */
export function auditPageHref(filter: AuditPageFilter): string {
  const qs = query(filter, (field) => PAGE_PARAM[field]).toString();
  return qs ? `${AUDIT_PAGE_PATH}?${qs}` : AUDIT_PAGE_PATH;
}

/** GET /api/audit for this filter, from the newest entry or from a page's nextCursor. */
export function auditApiPath(filter: AuditPageFilter, cursor?: string): string {
  const params = query(filter, (field) => field);
  if (cursor !== undefined) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/api/audit?${qs}` : "/api/audit";
}

// <input type="datetime-local"> holds a local time without a zone ("2026-03-01T10:30:15"); the URL and
// the API hold an instant (ISO 8601 in UTC), so a shared link means the same moment everywhere.

/** An input's local time as an ISO instant, or undefined for an empty or invalid input. */
export function localInputToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  const date = new Date(value); // a date-time without offset is local time (ECMAScript Date Time String Format)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO instant as the input's local time (to the second), or "" when it is not one. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
