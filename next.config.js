/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app is served as-is by `next start`; no "X-Powered-By" advertisement.
  poweredByHeader: false,
};

module.exports = nextConfig;
