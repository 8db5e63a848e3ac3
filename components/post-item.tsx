import { formatDateTime } from "@/lib/format";
import type { OpenPanel } from "@/lib/open-panel";
import type { PostView } from "@/lib/posts";
import { type PostContext, PostControls } from "./post-controls";
import { MAX_INDENT_DEPTH, POST_ACTIONS_ROW, POST_HEADER_ROW } from "./post-types";
import { panelHref, withCreditPick } from "@/lib/form-links";
import { CREDITS_PER_CHANGE } from "@/lib/schemas/vocabulary";
import { CreditLink, MindChangeNote } from "./mind-change-note";
import { PostCredits } from "./post-credits";
import { FacetBadge, PositionBadge } from "./position-badge";
import { RefusedVotes, voteRefusalOf } from "./vote-sides";

type Props = {
  post: PostView;
  /** The author of the post a reply answers, told on replies too deep to be indented under it. */
  parentAuthorName?: string;
  context: PostContext;
  openPanel?: OpenPanel;
};

/**
 * A post, rendered on the server: what every reader sees is plain HTML that the browser does not
 * hydrate beyond the controls (components/post-controls.tsx), which a page of a hundred posts
 * would otherwise pay for on a phone. A post the viewer can do nothing with but ask to sign in to
 * vote (a signed-out reader's, mostly) has no client component at all.
 */
export function PostItem({ post, parentAuthorName, context, openPanel }: Props) {
  // A hidden post keeps its text for moderators and its author (the server sends it only to them).
  const isGone = post.deleted || post.bodyHtml === null;
  const authorName = post.author?.name ?? "[supprimé]";
  const { can } = post;
  const creditPicks = can.credit ? context.creditPicks : undefined;
  // Who credited it, for moderators: the address opens the list (`?credits=12`), loaded by the page.
  const creditsHref = can.viewCredits ? panelHref(context.returnTo, "credits", post.id) : null;
  const openCredits = openPanel?.postId === post.id ? openPanel.credits : undefined;
  const hasHistory = post.editedAt !== null && can.viewHistory;
  const voteRefusal = voteRefusalOf(can.voteRefusal, `${context.returnTo}#p-${post.id}`);
  const hasControls = !voteRefusal || hasHistory || can.reply || can.report || can.edit || can.delete || can.hide || can.restore;
  const subject = `contribution de ${authorName}`;
  const header = (
    <>
      <h3 className="flex flex-wrap items-center gap-x-2 font-normal">
        {post.author ? (
          // A plain link: a client <Link> per post would be hydrated with the page.
          <a href={`/u/${post.author.id}`} className="font-semibold text-slate-900 hover:underline dark:text-white">
            {post.author.name}
          </a>
        ) : (
          <span className="font-semibold">{authorName}</span>
        )}
        <a href={`/p/${post.id}`} className="hover:underline" title="Lien permanent">
          <time dateTime={post.createdAt.toISOString()}>{formatDateTime(post.createdAt)}</time>
        </a>
      </h3>
      {post.authorPosition && <PositionBadge position={post.authorPosition} />}
      {post.facet && <FacetBadge facet={post.facet} />}
    </>
  );
  const replyTo =
    post.depth > MAX_INDENT_DEPTH && post.parentId && parentAuthorName ? (
      <a href={`#p-${post.parentId}`} className="hover:underline">
        en réponse à @{parentAuthorName}
      </a>
    ) : null;
  const body = isGone ? (
    <p className="mt-2 italic text-slate-600 dark:text-slate-400">
      {post.deleted ? "Contribution supprimée par son auteur." : "Contribution masquée par la modération."}
    </p>
  ) : (
    <>
      {post.hidden && (
        <p className="mt-2 rounded-md bg-amber-100 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Masqué par la modération : {post.hiddenReason}
        </p>
      )}
      <div data-post-body className="prose-agora mt-2" dangerouslySetInnerHTML={{ __html: post.bodyHtml! }} />
      {(post.mindChanges || creditPicks || creditsHref) && (
        <div className="mt-2 flex flex-wrap items-baseline gap-x-3">
          {post.mindChanges && <MindChangeNote {...post.mindChanges} />}
          {creditPicks && <CreditLink href={withCreditPick(context.returnTo, creditPicks, post.id, CREDITS_PER_CHANGE)} />}
          {creditsHref && (
            <a href={creditsHref} className="text-sm font-medium text-amber-800 hover:underline dark:text-amber-300" aria-expanded={!!openCredits}>
              Voir les crédits
            </a>
          )}
        </div>
      )}
      {creditsHref && openCredits && <PostCredits postId={post.id} credits={openCredits} panelHref={creditsHref} closeHref={`${context.returnTo}#p-${post.id}`} />}
    </>
  );
  return (
    <article
      id={`p-${post.id}`}
      tabIndex={-1}
      aria-label={isGone ? "Contribution retirée" : `Contribution de ${authorName}`}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 target:ring-2 target:ring-amber-500 focus:outline-2 focus:outline-amber-500 dark:border-slate-800 dark:bg-slate-900"
    >
      {hasControls ? (
        <PostControls
          post={{
            id: post.id,
            authorName,
            isGone,
            hidden: post.hidden,
            hasHistory,
            upvotes: post.upvotes,
            downvotes: post.downvotes,
            myVote: post.myVote,
            can,
            // The source travels to the browser only for the forms that start from it.
            ...((can.reply || can.edit) && post.body !== null ? { source: post.body } : {}),
          }}
          context={context}
          openPanel={openPanel?.postId === post.id ? { kind: openPanel.kind, revisions: openPanel.revisions } : undefined}
          header={header}
          replyTo={replyTo}
          body={body}
        />
      ) : (
        <>
          <div className={POST_HEADER_ROW}>
            {header}
            {replyTo}
          </div>
          {body}
          {!isGone && (
            <div className={POST_ACTIONS_ROW}>
              <RefusedVotes subject={subject} tally={{ up: post.upvotes, down: post.downvotes, myVote: post.myVote }} refusal={voteRefusal} />
            </div>
          )}
        </>
      )}
    </article>
  );
}
