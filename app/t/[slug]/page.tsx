import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BestArguments } from "@/components/best-arguments";
import { ClosingSummary, SUMMARY_HISTORY_PANEL } from "@/components/closing-summary";
import { ReportButton } from "@/components/report-button";
import { SortLinks } from "@/components/sort-links";
import { AgreementPoints } from "@/components/agreement-points";
import { MostCredited } from "@/components/most-credited";
import { StancePanel } from "@/components/stance-panel";
import { ThreadContext } from "@/components/thread-context";
import { ClosedBadge, ThreadKindBadge } from "@/components/thread-kind-badge";
import { ThreadModeration } from "@/components/thread-moderation";
import { ParticipateLink, ThreadComposer } from "@/components/thread-composer";
import { PositionHistoryChart } from "@/components/position-history-chart";
import { PostList } from "@/components/post-list";
import { renderPosts } from "@/components/rendered-posts";
import { VoteButtons } from "@/components/vote-buttons";
import { voteRefusalOf } from "@/components/vote-sides";
import { getViewer } from "@/lib/auth";
import { threadPermissions, threadTarget } from "@/lib/authorization";
import { countLabel } from "@/lib/format";
import { htmlExcerpt } from "@/lib/html-excerpt";
import { listPostsOfVisibleThread } from "@/lib/posts";
import { openPanelOf } from "@/lib/open-panel";
import { creditPicksOf, POST_PAGE_SIZE, type PostSort, sortsOf, threadPageQuery } from "@/lib/schemas/post";
import { listQuestionHighlights } from "@/lib/question-highlights";
import { listCreditCandidates, listMostCredited } from "@/lib/mind-changes";
import { positionHistoryOf } from "@/lib/position-history";
import { getMyPositionId } from "@/lib/stances";
import { listSummaryRevisions } from "@/lib/thread-closing";
import { getThreadBySlug } from "@/lib/threads";
import { getMyThreadVote } from "@/lib/votes";
import { signInHref } from "@/lib/form-links";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_OPTIONS: { value: PostSort; label: string }[] = [
  { value: "best", label: "Les meilleures" },
  { value: "top", label: "Les mieux notées" },
  { value: "new", label: "Les plus récentes" },
  { value: "old", label: "Les plus anciennes" },
  { value: "controversial", label: "Les plus disputées" },
  { value: "consensus", label: "Approuvées par tous les camps" },
];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thread = await getThreadBySlug(await getViewer(), (await params).slug);
  if (!thread) return { title: "Fil introuvable" };
  return { title: thread.title, description: htmlExcerpt(thread.bodyHtml ?? "", 200), alternates: { canonical: `/t/${thread.slug}` } };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const viewer = await getViewer();
  const thread = await getThreadBySlug(viewer, (await params).slug);
  if (!thread) notFound();
  const address = await searchParams;
  const query = threadPageQuery(address, POST_PAGE_SIZE, thread.kind);
  // A position of another question filters nothing: the page shows all its posts.
  const position = thread.positions.some((candidate) => candidate.id === query.position) ? query.position : undefined;
  const facet = thread.facets.some((candidate) => candidate.id === query.facet) ? query.facet : undefined;
  const { sort } = query;
  const creditPicks = creditPicksOf(address);
  const isSummaryHistoryOpen = address.ouvrir === SUMMARY_HISTORY_PANEL && thread.summary !== null;
  const [posts, highlights, myPositionId, myVote, openPanel, mostCredited, positionHistory, summaryHistory] = await Promise.all([
    listPostsOfVisibleThread(viewer, thread, { ...query, position, facet }),
    listQuestionHighlights(thread),
    getMyPositionId(viewer, thread.id),
    getMyThreadVote(viewer, thread.id),
    openPanelOf(viewer, address),
    listMostCredited(thread),
    thread.kind === "POSITION" ? positionHistoryOf(thread) : null,
    isSummaryHistoryOpen ? listSummaryRevisions(viewer, thread.id) : null,
  ]);
  const threadPath = `/t/${thread.slug}`;
  const signInToThread = signInHref(threadPath);
  const can = threadPermissions(viewer, threadTarget({ ...thread, authorId: thread.author?.id ?? null }));
  const hrefWith = (changes: { sort?: string; position?: string; facet?: string; cursor?: string; before?: string }) => {
    const search = new URLSearchParams({ sort, ...(position ? { position: String(position) } : {}), ...(facet ? { facet: String(facet) } : {}), ...changes });
    if (!search.get("position")) search.delete("position");
    if (!search.get("facet")) search.delete("facet");
    return `${threadPath}?${search}`;
  };
  // A column's full list: its filter alone, best first, at the list.
  const place = query.cursor ? { cursor: address.cursor as string } : query.before ? { before: address.before as string } : {};
  const returnTo = hrefWith(place);
  const context = { threadId: thread.id, returnTo, creditPicks };
  // A member who holds a position may credit posts with changing it (a first stance changes no mind).
  const credit =
    viewer && myPositionId !== null && can.takeStance.allowed
      ? { candidates: await listCreditCandidates(viewer, thread.id, myPositionId, creditPicks), picks: creditPicks }
      : null;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <ThreadKindBadge kind={thread.kind} />
          {thread.closedAt && <ClosedBadge />}
          {thread.isLocked && <span className="text-sm text-slate-600 dark:text-slate-400">Fil verrouillé</span>}
        </div>
        <h1 className="text-2xl font-bold leading-snug">{thread.title}</h1>
        <ClosingSummary kind={thread.kind} closedAt={thread.closedAt} summary={thread.summary} history={summaryHistory?.items ?? null} returnTo={returnTo} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          {!thread.closedAt && <ParticipateLink />}
          <Link href={`${threadPath}/synthese`} className="inline-block py-1 text-sm text-blue-700 underline dark:text-blue-300">
            Synthèse de la question
          </Link>
        </div>
        {thread.hiddenAt && (
          <p className="rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            Fil masqué par la modération : {thread.hiddenReason}
          </p>
        )}
        {can.report.allowed && (
          <ReportButton targetType="THREAD" targetId={thread.id} />
        )}
        {can.moderate.allowed && (
          <ThreadModeration
            thread={{ id: thread.id, title: thread.title, isLocked: thread.isLocked, isPinned: thread.isPinned, isHidden: thread.hiddenAt !== null, isClosed: thread.closedAt !== null }}
            summary={thread.summary?.body ?? null}
            canHide={can.hide.allowed}
            canRestore={can.restore.allowed}
            returnTo={returnTo}
            open={typeof address.ouvrir === "string" ? address.ouvrir : undefined}
          />
        )}
        {thread.author && (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <p>
              Question proposée par{" "}
              <Link href={`/u/${thread.author.id}`} className="text-blue-700 underline dark:text-blue-300">
                {thread.author.name}
              </Link>
            </p>
            <VoteButtons
              target={{ kind: "thread", id: thread.id }}
              subject={`question de ${thread.author.name}`}
              initial={{ up: thread.upvotes, down: thread.downvotes, myVote }}
              refusal={voteRefusalOf(can.vote.allowed ? null : can.vote, threadPath)}
            />
          </div>
        )}
        {thread.article && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {thread.questionNumber ? `Question ${thread.questionNumber} de l’article ` : "À propos de l’article "}
            <Link href="/article" className="text-blue-700 underline dark:text-blue-300">
              « {thread.article.title} »
            </Link>
          </p>
        )}
      </header>
      <section aria-labelledby="context-title" className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="context-title" className="text-lg font-semibold">
          Le contexte
        </h2>
        <ThreadContext html={thread.bodyHtml} article={thread.article} className="mt-2" />
      </section>
      {thread.kind === "POSITION" && (
        <StancePanel
          threadId={thread.id}
          initial={{ positions: thread.positions, myPositionId }}
          canTakeStance={can.takeStance.allowed}
          isFinal={thread.closedAt !== null}
          signInHref={viewer ? null : signInToThread}
          credit={credit}
        />
      )}
      <BestArguments groups={highlights.arguments} threadPath={threadPath} />
      {positionHistory && <PositionHistoryChart history={positionHistory} />}
      {thread.kind === "POSITION" && <AgreementPoints points={highlights.agreementPoints} threadPath={threadPath} />}
      {mostCredited.length > 0 && <MostCredited posts={mostCredited} />}
      <section aria-labelledby="posts-title" className="space-y-3">
        <h2 id="posts-title" className="text-lg font-semibold">
          {countLabel(thread.postCount, "opinion", "opinions")}
        </h2>
        <SortLinks
          label="Trier"
          options={SORT_OPTIONS.filter((option) => sortsOf(thread.kind).includes(option.value))}
          current={sort}
          hrefFor={(value) => hrefWith({ sort: value })}
        />
        {thread.kind === "POSITION" && (
          <SortLinks
            label="Écrit en tant que"
            options={[{ value: "", label: "Toutes les positions" }, ...thread.positions.map(({ id, label }) => ({ value: String(id), label }))]}
            current={position ? String(position) : ""}
            hrefFor={(value) => hrefWith({ position: value })}
          />
        )}
        {thread.facets.length > 0 && (
          <SortLinks
            label="Thème"
            options={[{ value: "", label: "Tous les thèmes" }, ...thread.facets.map(({ id, label }) => ({ value: String(id), label }))]}
            current={facet ? String(facet) : ""}
            hrefFor={(value) => hrefWith({ facet: value })}
          />
        )}
        <PostList
          key={`${sort}-${position ?? ""}-${facet ?? ""}`}
          items={await renderPosts(posts.items, context, openPanel)}
          context={context}
          threadPath={threadPath}
          pages={{ kind: "thread", sort, position, facet }}
          next={posts.nextCursor ? { href: hrefWith({ cursor: posts.nextCursor }), cursor: posts.nextCursor } : null}
          previousHref={posts.previousCursor ? hrefWith({ before: posts.previousCursor }) : null}
          emptyMessage="Personne n’a encore donné son avis sur cette question."
        />
      </section>
      <ThreadComposer threadId={thread.id} facets={thread.facets} returnTo={returnTo} permission={can.post} signInHref={signInToThread} />
    </div>
  );
}
