// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The etcd v3 client (lib/etcd3) is loaded by Node from node_modules rather than bundled: grpc-js is
  // not in Next's built-in list of server packages, and bundling it gains nothing on the server. Its
  // message definitions live in lib/etcd3/proto-descriptor.ts, so no .proto file is read at run time.
  serverExternalPackages: ["@grpc/grpc-js", "@grpc/proto-loader"],
  experimental: {
    // The stylesheet in the HTML (about 7 kB gzip) rather than a request: the first paint then waits for
    // no round trip to a server busy with the page's own reads (bench/RESULTS.md, the keys page).
    inlineCss: true,
  },
  // No proxy (middleware) on purpose: it costs ~0.4 ms a request and makes Next.js buffer and cut
  // bodies at 10 MB. scripts/server.mjs guards raw paths instead.
};

module.exports = nextConfig;
