// /robots.txt: public pages are open to crawlers; the API and the pages behind a sign-in are not.
import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/auth";

// The site's origin is read at run time, like every page's (one build serves any origin).
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      // The longest matching rule wins (RFC 9309): the public journal stays open under /moderation.
      allow: ["/", "/moderation/journal"],
      disallow: ["/api/", "/compte", "/moderation", "/admin"],
    },
    sitemap: new URL("/sitemap.xml", siteUrl()).href,
  };
}
