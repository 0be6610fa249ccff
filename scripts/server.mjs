// `npm start` serves the built dashboard; `npm run dev` (--dev) serves the sources through the same server,
// compiled on demand and hot-reloaded, so development sees the guard, headers and fast path that production
// has. A thin guard in front of Next.js answers, as JSON and cheaply, what Next.js itself would turn into
// a plain-text 500 (a malformed percent-escape, an unknown method such as TRACE, "GET *") or into a write
// to another key ("a//b" redirected, "a/sub/../x" resolved), refuses Host names it is not served under
// (DNS rebinding, scripts/lib/host-policy.mjs), and on the way out turns Next.js's empty 405 into JSON and
// deals with a request body left unread by a refusal, so the connection still serves the next request
// (scripts/lib/request-guard.mjs).
// Doing this here instead of in a Next.js proxy (middleware) saves about 0.4 ms on every request.
import http from "node:http";
import next from "next";
import { anonymousBindProblem } from "./lib/bind-policy.mjs";
import { loadKeyReadFastPath, loadPageLoginGate } from "./lib/key-read-fast-path.mjs";
import { repoRoot } from "./lib/paths.mjs";
import { hostPolicy, hostRefusal, refusedHost } from "./lib/host-policy.mjs";
import { errorBody, guardResponse, rejectReason } from "./lib/request-guard.mjs";
import { API_SECURITY_HEADERS, newNonce, securityHeaders } from "./lib/security-headers.mjs";

function option(flags, envName, fallback) {
  const args = process.argv.slice(2);
  for (const flag of flags) {
    const i = args.indexOf(flag);
    if (i >= 0 && args[i + 1]) return args[i + 1];
  }
  return process.env[envName] || fallback;
}

function sendError(res, error, { plain = false } = {}) {
  const body = plain ? `${error.message}\n` : errorBody(error);
  const type = plain ? "text/plain; charset=utf-8" : "application/json";
  res.writeHead(error.status, { "content-type": type, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

async function main() {
  const dev = process.argv.slice(2).includes("--dev");
  const port = Number(option(["-p", "--port"], "PORT", "3000"));
  const hostname = option(["-H", "--hostname"], "HOST", "127.0.0.1");
  const bindProblem = anonymousBindProblem(hostname, process.env);
  if (bindProblem) throw new Error(bindProblem);
  const hosts = hostPolicy(hostname, process.env);
  const app = next({ dev, dir: repoRoot, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Taken once: in dev it keeps the code it was compiled with (Next.js hot-reloads the routes and pages, not
  // instrumentation.ts and what it imports; README, "Developing").
  const serveKeyRead = await loadKeyReadFastPath({ dev, env: process.env });
  const loginRedirectFor = await loadPageLoginGate({ dev });

  const server = http.createServer((req, res) => {
    // Before anything else, the fast path included: a Host the dashboard is not served under is DNS
    // rebinding (scripts/lib/host-policy.mjs). Pages get the reason as text, the API its JSON envelope.
    const foreignHost = refusedHost(hosts, req.headers);
    if (foreignHost !== null) {
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
      guardResponse(req, res);
      return sendError(res, hostRefusal(foreignHost), { plain: req.url?.startsWith("/api/") !== true });
    }
    // Key reads, the hottest route, first: the fast path takes only a canonical GET without a body, answers
    // with the API's security headers itself, and skips Next.js's routing (lib/api/server/fast-path.ts).
    if (serveKeyRead?.(req, res, API_SECURITY_HEADERS)) return;
    const api = req.url?.startsWith("/api/") === true;
    const headers = api ? API_SECURITY_HEADERS : securityHeaders(newNonce(), { dev });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Next.js takes the nonce for its scripts from the request's policy, as if a proxy had set it.
    if (!api) req.headers["content-security-policy"] = headers["content-security-policy"];
    // Who is connecting, for slowing down failed logins: from the socket, never from what the client sent.
    req.headers["x-etcd-dashboard-client"] = req.socket.remoteAddress ?? "unknown";
    // The page's URL for the keys layout, which Next.js does not tell (lib/api/server/tree-seed.ts).
    if (!api) req.headers["x-etcd-dashboard-url"] = req.url ?? "/";
    const reason = rejectReason(req.method ?? "GET", req.url);
    if (reason) return sendError(res, reason);
    // Before login, a page is a redirect to the login page and nothing else (lib/dashboard-auth/page-gate.ts).
    const toLogin = api ? undefined : loginRedirectFor(req.url ?? "/", req.headers.cookie);
    if (toLogin) {
      res.writeHead(307, { location: toLogin, "cache-control": "no-store", "content-length": 0 });
      return res.end();
    }
    guardResponse(req, res);
    handle(req, res).catch((error) => {
      console.error("[etcd-dashboard] request failed:", error);
      if (!res.headersSent) sendError(res, { status: 400, message: "The request could not be processed." });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeouts

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`etcd-dashboard${dev ? " (dev)" : ""} listening on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`);

  const shutdown = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error) => {
  console.error(`[etcd-dashboard] could not start: ${error?.message ?? error}`);
  process.exit(1);
});
