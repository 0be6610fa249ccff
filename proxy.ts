// Runs before routing. Next.js answers a malformed percent-escape with a plain-text 500 and redirects
// "a//b" to "a/b" (a PUT would then land on another key), so API paths are checked here first.
import { NextResponse, type NextRequest } from "next/server";

function badPath(message: string) {
  return NextResponse.json(
    { error: { code: "invalid_input", message, issues: [{ path: "key", message }] } },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}

export function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  if (raw.includes("//")) return badPath("The path has an empty segment (\"//\"): etcd keys cannot have one.");
  try {
    decodeURIComponent(raw);
  } catch {
    return badPath("The path has a malformed percent-escape: encode \"%\" as %25.");
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
