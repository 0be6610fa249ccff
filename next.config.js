// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // No proxy (middleware) on purpose: it costs ~0.4 ms a request and makes Next.js buffer and cut
  // bodies at 10 MB. scripts/server.mjs guards raw paths instead.
};

module.exports = nextConfig;
