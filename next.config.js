// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // The stylesheet in the HTML (about 7 kB gzip) rather than a request: the first paint then waits for
    // no round trip to a server busy with the page's own reads (bench/RESULTS.md, the keys page).
    inlineCss: true,
  },
  // No proxy (middleware) on purpose: it costs ~0.4 ms a request and makes Next.js buffer and cut
  // bodies at 10 MB. scripts/server.mjs guards raw paths instead.
};

module.exports = nextConfig;
