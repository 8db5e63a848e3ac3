import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementPoints } from "@/components/agreement-points";
import { BestArguments } from "@/components/best-arguments";
import { Markdown } from "@/components/markdown";
import { MostCredited } from "@/components/most-credited";
import { PositionHistoryChart } from "@/components/position-history-chart";
import { PositionTally } from "@/components/position-tally";
import { ThreadContext } from "@/components/thread-context";
import { ThreadKindBadge } from "@/components/thread-kind-badge";
import { getViewer, siteUrl } from "@/lib/auth";
import { countLabel, formatDate, formatDateTime } from "@/lib/format";
import { htmlExcerpt } from "@/lib/html-excerpt";
import { formatCount } from "@/lib/numbers";
import type { SynthesisFigures } from "@/lib/synthesis";
import { getSynthesis } from "@/lib/synthesis";
import { getThreadBySlug } from "@/lib/threads";
import { NNBSP } from "@/lib/typography";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const synthesisPath = (slug: string) => `/t/${slug}/synthese`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thread = await getThreadBySlug(await getViewer(), (await params).slug);
  if (!thread) return { title: "Fil introuvable" };
  return {
    title: `Synthèse${NNBSP}: ${thread.title}`,
    description: htmlExcerpt(thread.bodyHtml ?? "", 200),
    alternates: { canonical: synthesisPath(thread.slug) },
  };
}

// On paper, sections lose their cards and stay whole where they fit; links read as text, and what
// opens on a click (the chart's table) is left out.
const SECTION =
  "space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 print:break-inside-avoid print:border-0 print:p-0";

/**
 * A question's synthesis, to share or print: generated from the data at each request, so always
 * current. The site's header and footer are not printed (print:hidden there).
 */
export default async function SynthesisPage({ params }: Props) {
  const synthesis = await getSynthesis(await getViewer(), (await params).slug);
  if (!synthesis) notFound();
  const { question, tally, history, mindChanges, figures, closing } = synthesis;
  const canonicalUrl = new URL(synthesisPath(question.slug), siteUrl()).href;
  return (
    <article
      aria-labelledby="synthesis-title"
      className="space-y-8 print:space-y-6 print:[&_a]:text-inherit print:[&_a]:no-underline print:[&_details]:hidden print:[&_section]:border-0 print:[&_section]:p-0"
    >
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Synthèse de la question</p>
        <h1 id="synthesis-title" className="text-2xl font-bold leading-snug">
          {question.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <ThreadKindBadge kind={question.kind} />
          {question.article && question.questionNumber && (
            <span>
              Question {question.questionNumber} de l’article « {question.article.title} »
            </span>
          )}
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          État au <time dateTime={synthesis.generatedAt.toISOString()}>{formatDateTime(synthesis.generatedAt)}</time>
          {closing.closedAt && (
            <>
              {" "}
              · question close le <time dateTime={closing.closedAt.toISOString()}>{formatDate(closing.closedAt)}</time> : ses votes et
              ses positions sont définitifs
            </>
          )}
        </p>
        <p className="print:hidden">
          <Link href={question.path} className="inline-block py-1 text-sm font-semibold text-blue-700 underline dark:text-blue-300">
            Voir le débat complet
          </Link>
        </p>
      </header>
      <section aria-labelledby="synthesis-context-title" className={SECTION}>
        <h2 id="synthesis-context-title" className="text-lg font-semibold">
          Le contexte
        </h2>
        <ThreadContext html={question.contextHtml} article={question.article} />
      </section>
      {closing.summary && (
        <section aria-labelledby="synthesis-summary-title" className={SECTION}>
          <h2 id="synthesis-summary-title" className="text-lg font-semibold">
            Le bilan de la modération
          </h2>
          <Markdown html={closing.summary.html} className="leading-relaxed" />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {closing.summary.author ? `Rédigé par ${closing.summary.author.name}, le ` : "Rédigé le "}
            <time dateTime={closing.summary.writtenAt.toISOString()}>{formatDate(closing.summary.writtenAt)}</time>
          </p>
        </section>
      )}
      {tally && (
        <section aria-labelledby="synthesis-tally-title" className={SECTION}>
          <h2 id="synthesis-tally-title" className="text-lg font-semibold">
            Les positions ({formatCount(tally.total)})
          </h2>
          <PositionTally positions={tally.positions} />
        </section>
      )}
      {history && <PositionHistoryChart history={history} />}
      <BestArguments groups={synthesis.arguments} threadPath={question.path} />
      {tally && <AgreementPoints points={synthesis.agreementPoints} threadPath={question.path} />}
      {mindChanges.length > 0 && <MostCredited posts={mindChanges} postHref={(postId) => `/p/${postId}`} />}
      <KeyFigures figures={figures} />
      <footer className="space-y-2 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
        <p>
          Partager : <span className="break-all font-mono">{canonicalUrl}</span>
        </p>
        <p className="text-slate-600 print:hidden dark:text-slate-400">
          Imprimer : la commande Imprimer de votre navigateur (Ctrl+P, ou ⌘+P sur un Mac) donne cette page sans le menu du site,
          prête pour le papier ou un PDF.
        </p>
      </footer>
    </article>
  );
}

/** A term above its value on a phone, beside it from sm up. */
const FIGURE = "sm:flex sm:gap-4";

function KeyFigures({ figures }: { figures: SynthesisFigures }) {
  const items: [string, string][] = [
    ["Contributions", `${formatCount(figures.posts)} (${countLabel(figures.topLevelPosts, "avis", "avis")}, ${countLabel(figures.replies, "réponse", "réponses")})`],
    ["Participants", countLabel(figures.participants, "membre", "membres")],
    ["Changements de position", formatCount(figures.positionChanges)],
  ];
  return (
    <section aria-labelledby="synthesis-figures-title" className={SECTION}>
      <h2 id="synthesis-figures-title" className="text-lg font-semibold">
        Les chiffres clés
      </h2>
      <dl className="space-y-2">
        {items.map(([term, value]) => (
          <div key={term} className={FIGURE}>
            <dt className="font-medium sm:w-56 sm:shrink-0">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className={FIGURE}>
          <dt className="font-medium sm:w-56 sm:shrink-0">Période</dt>
          <dd>
            {figures.period ? (
              <>
                du <time dateTime={figures.period.from.toISOString()}>{formatDate(figures.period.from)}</time> au{" "}
                <time dateTime={figures.period.to.toISOString()}>{formatDate(figures.period.to)}</time>
              </>
            ) : (
              "personne n’a encore contribué"
            )}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Ne comptent que les contributions visibles. Un participant a écrit l’une d’elles, voté sur l’une d’elles ou pris position sur
        la question. La période va de la première contribution ou prise de position à la dernière.
      </p>
    </section>
  );
}
