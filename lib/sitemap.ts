import "server-only";
import { getArticle } from "./articles";
import { db } from "./db";

/**
 * At most this many threads, the most recently active first (pinned ones ahead, as the "active"
 * sort lists them, which its index serves): one bounded query, two addresses each (the thread and
 * its synthesis), far under the 50,000 a sitemap may hold. Beyond, split the sitemap (Next.js's
 * generateSitemaps).
 */
export const SITEMAP_MAX_THREADS = 5_000;

/** When the text of app/a-propos/page.tsx last changed: move it with the page. */
const ABOUT_PAGE_REVISED_AT = new Date("2026-12-02T00:00:00Z");

export type SitemapEntry = { path: string; lastModified: Date };

/** The public pages worth a search engine's visit: never a hidden thread, nor a page behind a sign-in. */
export async function listSitemapEntries(): Promise<SitemapEntry[]> {
  const [threads, article, lastModeration] = await Promise.all([
    db.thread.findMany({
      select: { slug: true, lastActivityAt: true, updatedAt: true },
      where: { hiddenAt: null },
      orderBy: [{ isPinned: "desc" }, { lastActivityAt: "desc" }, { id: "desc" }],
      take: SITEMAP_MAX_THREADS,
    }),
    getArticle(),
    db.moderationLog.findFirst({ select: { createdAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  ]);
  // A thread changes with its posts (last activity) and with a rename or a lock (updated at); its
  // synthesis, which says the same, with it.
  const threadEntries = threads.map((thread) => ({
    path: `/t/${thread.slug}`,
    lastModified: new Date(Math.max(thread.lastActivityAt.getTime(), thread.updatedAt.getTime())),
  }));
  const synthesisEntries = threadEntries.map((entry) => ({ ...entry, path: `${entry.path}/synthese` }));
  // The home page lists the threads under the article's lead.
  const homeChangedAt = Math.max(article?.createdAt.getTime() ?? 0, ...threadEntries.map((entry) => entry.lastModified.getTime()));
  return [
    { path: "/", lastModified: new Date(homeChangedAt || ABOUT_PAGE_REVISED_AT.getTime()) },
    ...(article ? [{ path: "/article", lastModified: article.createdAt }] : []),
    { path: "/a-propos", lastModified: ABOUT_PAGE_REVISED_AT },
    { path: "/moderation/journal", lastModified: lastModeration?.createdAt ?? ABOUT_PAGE_REVISED_AT },
    ...threadEntries,
    ...synthesisEntries,
  ];
}
