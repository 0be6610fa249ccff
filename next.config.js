// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The etcd client must stay on the Node runtime (keep-alive agents, TLS files).
  serverExternalPackages: [],
};

module.exports = nextConfig;
