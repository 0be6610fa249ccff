// The part of a watch route that v2 and v3 share: take a place in the session's stream quota (a 429
// too_many_streams beyond it), subscribe, give the place back when the subscription closes, and serve it
// as SSE until the browser leaves or the session that opened it ends (logout, expiry, the user removed).
// With no login configured there is no session to count against (the one operator's tabs and benches).
import "server-only";
import { loginRequired, sessionBoundSignal, sessionIdFrom } from "@/lib/dashboard-auth/access";
import { KEEP_ALIVE_MS } from "./protocol";
import { watchStream, type FramedSource } from "./sse-response";
import { streamQuota } from "./stream-quota";

export function sessionWatchResponse(request: Request, subscribe: () => FramedSource & { whenClosed(listener: () => void): void }): Response {
  const session = loginRequired() ? sessionIdFrom(request.headers.get("cookie")) : undefined;
  const release = session ? streamQuota().acquire(session) : () => {};
  let subscription;
  try {
    subscription = subscribe();
  } catch (error) {
    release();
    throw error;
  }
  subscription.whenClosed(release);
  return watchStream(subscription, sessionBoundSignal(request), KEEP_ALIVE_MS);
}
