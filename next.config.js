// Headers for every response, pages and API alike. The Content-Security-Policy, which needs a
// fresh nonce per page, is set in proxy.ts.
const SECURITY_HEADERS = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // No "X-Powered-By" advertisement.
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // The composer's preview renders Markdown in a Web Worker, which has no `document`: the DOM
      // build of this micromark dependency decodes entities through one, the plain build does not.
      "decode-named-character-reference": { browser: "./node_modules/decode-named-character-reference/index.js" },
    },
  },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

module.exports = nextConfig;
