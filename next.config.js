// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The etcd client must stay on the Node runtime (keep-alive agents, TLS files).
  serverExternalPackages: [],
  experimental: {
    // With a proxy (proxy.ts runs on /api/*), Next.js buffers request bodies and silently cuts them
    // at 10 MB by default: a value etcd accepts (10 MiB form-encoded) then arrived as truncated JSON.
    // Let the whole body through; the route handlers refuse bodies over 12 MiB with a 413
    // (MAX_JSON_BODY_BYTES in lib/api/server/request-guards.ts), which needs this limit above that.
    proxyClientMaxBodySize: "13mb",
  },
};

module.exports = nextConfig;
