import type { Metadata } from "next";
import Link from "next/link";
import { resolveReportAction } from "@/app/actions/moderation";
import { ActionButton } from "@/components/action-button";
import { HideReportForm } from "@/components/hide-report-form";
import { SortLinks } from "@/components/sort-links";
import { SuspendForm } from "@/components/suspend-form";
import { ListLink } from "@/components/ui/list-link";
import { postPermissions, postTarget, threadPermissions, threadTarget, userPermissions } from "@/lib/authorization";
import { formatDateTime } from "@/lib/format";
import { requireAreaPage } from "@/lib/moderation-access";
import { listReportQueue } from "@/lib/reports";
import { REPORT_REASON_LABELS, listReportsQuery } from "@/lib/schemas/moderation";
import { withOpenForm } from "@/lib/form-links";

export const metadata: Metadata = { title: "Modération", alternates: { canonical: "/moderation" } };

type Props = { searchParams: Promise<{ status?: string; ouvrir?: string }> };

export default async function ModerationQueuePage({ searchParams }: Props) {
  const viewer = await requireAreaPage("/moderation", "moderation");
  const params = await searchParams;
  const parsed = listReportsQuery.safeParse(params);
  const status = parsed.success ? parsed.data.status : "OPEN";
  const returnTo = `/moderation?status=${status}`;
  // The form a link opened without JavaScript (`?ouvrir=masquer-12`), rendered open.
  const opening = (key: string) => ({ returnTo, openHref: withOpenForm(returnTo, key), isOpen: params.ouvrir === key });
  const queue = await listReportQueue(viewer, status);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Signalements</h1>
      <p className="text-sm">
        <Link href="/moderation/log" className="text-blue-700 underline dark:text-blue-300">Journal de modération</Link> ·{" "}
        <Link href="/moderation/journal" className="text-blue-700 underline dark:text-blue-300">Journal public</Link>
      </p>
      <SortLinks
        label="Statut"
        options={[{ value: "OPEN", label: "À traiter" }, { value: "ACTIONED", label: "Traités" }, { value: "DISMISSED", label: "Rejetés" }]}
        current={status}
        hrefFor={(value) => `/moderation?status=${value}`}
      />
      {queue.items.length === 0 && <p>Aucun signalement {status === "OPEN" ? "à traiter" : "ici"}.</p>}
      <ul className="space-y-4">
        {queue.items.map((group) => {
          const content = group.post ?? group.thread;
          const author = content?.author;
          const link = group.post ? `/t/${group.post.thread.slug}#p-${group.post.id}` : `/t/${group.thread?.slug}`;
          const canHide = group.post
            ? postPermissions(viewer, postTarget(group.post, group.post.thread)).hide
            : group.thread && threadPermissions(viewer, threadTarget(group.thread)).hide;
          const canSuspend = author && userPermissions(viewer, author).suspend;
          return (
            <li key={`${group.targetType}-${group.postId ?? group.threadId}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <article aria-label={`Signalements : ${group.post ? "contribution" : "fil"} de ${author?.name ?? "la rédaction"}`}>
                <p className="text-sm">
                  <strong>{group.count} signalement{group.count > 1 ? "s" : ""}</strong> · {group.post ? "contribution" : "fil"} de{" "}
                  {author ? <ListLink href={`/u/${author.id}`} className="underline">{author.name}</ListLink> : "la rédaction"} ·{" "}
                  <ListLink href={link} className="text-blue-700 underline dark:text-blue-300">voir dans le fil</ListLink>
                  {group.isHidden && <span className="ms-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">masqué</span>}
                </p>
                {group.post ? (
                  <div className="prose-agora mt-2 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800" dangerouslySetInnerHTML={{ __html: group.post.bodyHtml }} />
                ) : (
                  <p className="mt-2 font-semibold">{group.thread?.title}</p>
                )}
                <ul className="mt-2 space-y-1 text-sm">
                  {group.reports.map((report) => (
                    <li key={report.id}>
                      {REPORT_REASON_LABELS[report.reason]} — par <ListLink href={`/u/${report.reporter.id}`} className="underline">{report.reporter.name}</ListLink>, le {formatDateTime(report.createdAt)}
                      {report.details && <> : « {report.details} »</>}
                    </li>
                  ))}
                </ul>
              </article>
              {status === "OPEN" && (
                <div className="flex flex-wrap gap-4 text-sm">
                  <ActionButton action={resolveReportAction} fields={{ reportId: group.reports[0].id, action: "DISMISS", returnTo }} label="Rejeter les signalements" />
                  {canHide?.allowed && (
                    <HideReportForm
                      reportId={group.reports[0].id}
                      targetType={group.post ? "POST" : "THREAD"}
                      {...opening(`masquer-${group.reports[0].id}`)}
                    />
                  )}
                  {author && canSuspend?.allowed && <SuspendForm userId={author.id} name={author.name} {...opening(`suspendre-${author.id}`)} />}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
