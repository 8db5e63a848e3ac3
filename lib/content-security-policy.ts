// The Content-Security-Policy of every page: scripts only with this response's nonce (and what
// they load, by 'strict-dynamic'), never inline ones an attacker could inject; no framing.
// Styles allow inline attributes, which React and Next.js set (no script can run from them).

export function contentSecurityPolicy(nonce: string, { isDev = false, isHttps = false } = {}) {
  return [
    "default-src 'self'",
    // Next.js's development overlay evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
