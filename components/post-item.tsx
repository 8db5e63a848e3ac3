"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { restoreAction } from "@/app/actions/moderation";
import { publishPost, removePost, updatePost } from "@/app/actions/posts";
import { formatDateTime } from "@/lib/format";
import type { OpenPanel } from "@/lib/open-panel";
import { quoteOf, withoutQuotes } from "@/lib/quote";
import type { OpenFormKind } from "@/lib/schemas/post";
import { ActionButton } from "./action-button";
import { HideContentForm, useHiding } from "./hide-content-form";
import { LazyPostComposer, LazyPostHistory } from "./lazy-post-panels";
import { OpeningLink } from "./opened-action-form";
import { panelHref, withOpenForm } from "@/lib/form-links";

import { type ClientPost, MAX_INDENT_DEPTH } from "./post-types";
import { ReportPanel, ReportToggle, useReport } from "./report-button";
import { StanceBadge } from "./stance-badge";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { type Cancel, CancelLink } from "./ui/cancel-link";
import { ListLink } from "./ui/list-link";
import { VoteButtons } from "./vote-buttons";

export type PostContext = {
  threadId: number;
  /** The page the post is on (path and query, no form open): forms come back to it. */
  returnTo: string;
};

type Props = {
  post: ClientPost;
  parent?: ClientPost;
  context: PostContext;
  openPanel?: OpenPanel;
};

const LINK = "text-blue-700 hover:underline dark:text-blue-300";

/** The reader's selection inside this post's text, its quotes left out; null when none. */
function selectedText(body: HTMLElement | null) {
  const selection = window.getSelection();
  if (!body || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.commonAncestorContainer)) return null;
  const fragment = range.cloneContents();
  fragment.querySelectorAll("blockquote").forEach((quote) => quote.remove());
  return fragment.textContent?.trim() || null;
}

export function PostItem({ post, parent, context, openPanel }: Props) {
  const { returnTo } = context;
  const { can } = post;
  const [panel, setPanel] = useState<{ kind: OpenFormKind; draft?: string; byClick?: boolean } | null>(
    openPanel?.postId === post.id ? { kind: openPanel.kind } : null,
  );
  // A hidden post keeps its text for moderators and its author (the server sends it only to them).
  const isGone = post.deleted || post.bodyHtml === null;
  const authorName = post.author?.name ?? "[supprimé]";
  const report = useReport({ type: "POST", id: post.id });
  // Hiding opens its form below the row of actions, like reporting; `?ouvrir=masquer-12` without JavaScript.
  const hideKey = `masquer-${post.id}`;
  const hiding = useHiding(useSearchParams().get("ouvrir") === hideKey);
  const backToPost = `${returnTo}#p-${post.id}`;
  const voteRefusal = !can.voteRefusal
    ? null
    : can.voteRefusal.needsSignIn
      ? { signInHref: `/connexion?callbackUrl=${encodeURIComponent(`${returnTo}#p-${post.id}`)}` }
      : { reason: can.voteRefusal.reason };
  const wholeQuote = () => quoteOf({ id: post.id, authorName }, withoutQuotes(post.body ?? ""));

  /** A panel's link: it opens the panel in place, or (without JavaScript) loads the page with it open. */
  const panelLink = (kind: OpenFormKind, label: string, className = LINK) => (
    <a
      href={panelHref(returnTo, kind, post.id)}
      className={className}
      aria-expanded={panel?.kind === kind}
      onClick={(event) => {
        event.preventDefault();
        if (panel?.kind === kind) return setPanel(null);
        const selection = kind === "citer" ? selectedText(event.currentTarget.closest("article")?.querySelector<HTMLElement>("[data-post-body]") ?? null) : null;
        setPanel({ kind, byClick: true, draft: kind === "citer" ? (selection ? quoteOf({ id: post.id, authorName }, selection) : wholeQuote()) : undefined });
      }}
    >
      {label}
    </a>
  );

  const close = () => setPanel(null);
  const hiddenFields = { returnTo, threadId: context.threadId };

  return (
    <article
      id={`p-${post.id}`}
      tabIndex={-1}
      aria-label={isGone ? "Contribution retirée" : `Contribution de ${authorName}`}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 target:ring-2 target:ring-amber-500 focus:outline-2 focus:outline-amber-500 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-400">
        <h3 className="flex flex-wrap items-center gap-x-2 font-normal">
          {post.author ? (
            <ListLink href={`/u/${post.author.id}`} className="font-semibold text-slate-900 hover:underline dark:text-white">
              {post.author.name}
            </ListLink>
          ) : (
            <span className="font-semibold">{authorName}</span>
          )}
          <a href={`/p/${post.id}`} className="hover:underline" title="Lien permanent">
            <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(new Date(post.createdAt))}</time>
          </a>
        </h3>
        {post.authorStance && <StanceBadge stance={post.authorStance} />}
        {post.editedAt && can.viewHistory && panelLink("historique", "modifié", "underline")}
        {post.depth > MAX_INDENT_DEPTH && parent && (
          <a href={`#p-${parent.id}`} className="hover:underline">
            en réponse à @{parent.author?.name ?? "[supprimé]"}
          </a>
        )}
      </div>
      {panel?.kind === "modifier" && can.edit ? (
        <div className="mt-3">
          <LazyPostComposer
            action={updatePost}
            fields={{ ...hiddenFields, postId: post.id }}
            label="Modifier votre contribution"
            submitLabel="Enregistrer"
            initialBody={post.body!}
            autoFocus={panel.byClick}
            cancel={{ href: `${returnTo}#p-${post.id}`, onClick: close }}
          />
        </div>
      ) : isGone ? (
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
        </>
      )}
      {panel?.kind === "historique" && post.editedAt && can.viewHistory && (
        <LazyPostHistory postId={post.id} initial={openPanel?.postId === post.id ? openPanel.revisions : undefined} />
      )}
      {panel?.kind !== "modifier" && !isGone && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm font-medium">
          <VoteButtons
            target={{ kind: "post", id: post.id }}
            subject={`contribution de ${authorName}`}
            initial={{ up: post.upvotes, down: post.downvotes, myVote: post.myVote }}
            refusal={voteRefusal}
          />
          {can.reply && (
            <>
              {panelLink("repondre", "Répondre")}
              {panelLink("citer", "Citer")}
            </>
          )}
          {can.report && <ReportToggle report={report} />}
          {post.hidden
            ? can.restore && <ActionButton action={restoreAction} fields={{ targetType: "POST", targetId: post.id, returnTo: backToPost }} label="Rétablir" />
            : can.hide && <OpeningLink opening={hiding.opening} href={`${withOpenForm(returnTo, hideKey)}#p-${post.id}`} label="Masquer" />}
          {can.edit && panelLink("modifier", "Modifier")}
          {can.delete && panelLink("supprimer", "Supprimer", "text-red-700 hover:underline dark:text-red-300")}
        </div>
      )}
      {can.report && <ReportPanel report={report} />}
      {!post.hidden && can.hide && (
        <HideContentForm target={{ type: "POST", id: post.id }} hiding={hiding} returnTo={backToPost} submitLabel="Confirmer : masquer" className="mt-3" />
      )}
      {(panel?.kind === "repondre" || panel?.kind === "citer") && can.reply && (
        <div className="mt-3">
          <LazyPostComposer
            action={publishPost}
            fields={{ ...hiddenFields, parentId: post.id }}
            label={`Répondre à ${authorName}`}
            submitLabel="Publier la réponse"
            initialBody={panel.kind === "citer" ? (panel.draft ?? wholeQuote()) : ""}
            autoFocus={panel.byClick}
            cancel={{ href: `${returnTo}#p-${post.id}`, onClick: close }}
          />
        </div>
      )}
      {panel?.kind === "supprimer" && can.delete && <DeleteConfirmation postId={post.id} returnTo={returnTo} focusOnOpen={panel.byClick} cancel={{ href: `${returnTo}#p-${post.id}`, onClick: close }} />}
    </article>
  );
}

/** Deleting asks once more, in a form of its own below the post (it works without JavaScript). */
function DeleteConfirmation({ postId, returnTo, focusOnOpen, cancel }: { postId: number; returnTo: string; focusOnOpen?: boolean; cancel: Cancel }) {
  const form = useActionForm(removePost);
  return (
    <ActionForm form={form} className="mt-3 space-y-2 rounded-md border border-red-200 p-3 dark:border-red-900">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <p className="text-sm">Supprimer cette contribution ? Son texte disparaîtra ; les réponses resteront.</p>
      <div className="flex gap-2">
        <Button type="submit" autoFocus={focusOnOpen} disabled={form.isPending}>
          Supprimer définitivement
        </Button>
        <CancelLink cancel={cancel} />
      </div>
    </ActionForm>
  );
}
