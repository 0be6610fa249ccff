// Where to go after logging in: only a path of this dashboard, so that a crafted login link can't send
// the user to another site ("//evil.example", "/\\evil.example", "https://...").
export const AFTER_LOGIN_DEFAULT = "/keys";

export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return AFTER_LOGIN_DEFAULT;
  if (/[\u0000-\u001f\\]/.test(value)) return AFTER_LOGIN_DEFAULT;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/")) return AFTER_LOGIN_DEFAULT;
  return value;
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}
