// The session cookie: HttpOnly (scripts can't read it), SameSite=Strict (no other site's page can make the
// browser send it), Path=/, and Secure with the `__Host-` prefix when the dashboard is reached over HTTPS
// (directly or behind a proxy).
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./access";

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function sessionCookie(id: string, maxAgeSeconds: number, secure: boolean): string {
  return cookieOf(id, Math.floor(maxAgeSeconds), secure);
}

export function clearedSessionCookie(secure: boolean): string {
  return cookieOf("", 0, secure);
}

function cookieOf(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = `Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
  return secure ? `${SECURE_SESSION_COOKIE}=${value}; ${attributes}; Secure` : `${SESSION_COOKIE}=${value}; ${attributes}`;
}
