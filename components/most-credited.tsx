// « Ce qui a fait bouger les avis »: the question's posts members credited with changing their
// mind, most credited first (lib/mind-changes.ts listMostCredited). Server markup only.
import type { CreditedPost } from "@/lib/mind-changes";
import { formatDateTime } from "@/lib/format";
import { MindChangeNote } from "./mind-change-note";

type Props = {
  posts: CreditedPost[];
  /** Where a post's link leads: by default its place on the thread's page; a page without the posts links elsewhere. */
  postHref?: (postId: number) => string;
};

export function MostCredited({ posts, postHref = (postId) => `#p-${postId}` }: Props) {
  return (
    <section aria-labelledby="most-credited-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="most-credited-title" className="text-lg font-semibold">
        Ce qui a fait bouger les avis
      </h2>
      <ol className="space-y-3">
        {posts.map((post) => (
          <li key={post.id} className="space-y-1">
            <p className="text-sm">
              <a href={postHref(post.id)} className="font-semibold text-blue-700 underline dark:text-blue-300">
                {post.authorName}, le <time dateTime={post.createdAt.toISOString()}>{formatDateTime(post.createdAt)}</time>
              </a>
              {post.writtenFrom && <span className="text-slate-600 dark:text-slate-400"> · écrit en tant que «{"\u202f"}{post.writtenFrom.label}{"\u202f"}»</span>}
            </p>
            <blockquote className="border-l-2 border-slate-300 ps-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">{post.excerpt}</blockquote>
            <MindChangeNote count={post.mindChangeCount} moves={post.moves} />
          </li>
        ))}
      </ol>
    </section>
  );
}
