// /sitemap.xml: the public pages and every visible thread (lib/sitemap.ts), at the site's origin.
import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/auth";
import { listSitemapEntries } from "@/lib/sitemap";

// Read from the database at each request (never at build time, when there is none).
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteUrl();
  return (await listSitemapEntries()).map(({ path, lastModified }) => ({ url: new URL(path, origin).href, lastModified }));
}
