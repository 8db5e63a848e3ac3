// HSTS: once a browser has seen it over https, it never speaks plain http to the site again
// (two years, subdomains included, as the preload list asks). Read from NEXTAUTH_URL at run time,
// not at build time, so that one build serves http on a laptop and https in production.
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The Strict-Transport-Security value when the site's origin is https, else null (http must stay reachable). */
export function strictTransportSecurity(siteUrl = process.env.NEXTAUTH_URL) {
  return siteUrl?.startsWith("https://") ? STRICT_TRANSPORT_SECURITY : null;
}
