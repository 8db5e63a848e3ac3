"use client";

import { useRef, useState } from "react";
import { publishPost, removePost, updatePost } from "@/app/actions/posts";
import { formatDateTime } from "@/lib/format";
import type { OpenPanel } from "@/lib/open-panel";
import { quoteOf, withoutQuotes } from "@/lib/quote";
import type { OpenFormKind } from "@/lib/schemas/post";
import { LazyPostComposer, LazyPostHistory } from "./lazy-post-panels";
import { ModerationAction } from "./moderation-actions";
import { panelHref } from "./post-panels";

import { type ClientPost, MAX_INDENT_DEPTH, type Viewer } from "./post-types";
import { ReportButton } from "./report-button";
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
  viewer: Viewer;
  canReply: boolean;
};

type Props = {
  post: ClientPost;
  parent?: ClientPost;
  context: PostContext;
  openPanel?: OpenPanel;
  onChanged: (post: ClientPost) => void;
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

export function PostItem({ post, parent, context, openPanel, onChanged }: Props) {
  const { viewer, returnTo } = context;
  const [panel, setPanel] = useState<{ kind: OpenFormKind; draft?: string; byClick?: boolean } | null>(
    openPanel?.postId === post.id ? { kind: openPanel.kind } : null,
  );
  const body = useRef<HTMLDivElement>(null);
  // A hidden post keeps its text for moderators and its author (the server sends it only to them).
  const isGone = post.deleted || post.bodyHtml === null;
  const isAuthor = viewer?.id === post.author?.id && !isGone;
  const authorName = post.author?.name ?? "[supprimé]";
  const voteRefusal = !viewer
    ? { signInHref: `/connexion?callbackUrl=${encodeURIComponent(`${returnTo}#p-${post.id}`)}` }
    : isAuthor
      ? { reason: "On ne vote pas pour sa propre contribution." }
      : !viewer.canWrite
        ? { reason: "Votre compte est suspendu." }
        : null;
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
        const selection = kind === "citer" ? selectedText(body.current) : null;
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
        {post.editedAt && !isGone && panelLink("historique", "modifié", "underline")}
        {post.depth > MAX_INDENT_DEPTH && parent && (
          <a href={`#p-${parent.id}`} className="hover:underline">
            en réponse à @{parent.author?.name ?? "[supprimé]"}
          </a>
        )}
      </div>
      {panel?.kind === "modifier" && isAuthor ? (
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
              Masqué par la modération : {post.hiddenReason}
            </p>
          )}
          <div ref={body} className="prose-agora mt-2" dangerouslySetInnerHTML={{ __html: post.bodyHtml! }} />
        </>
      )}
      {panel?.kind === "historique" && post.editedAt && (
        <LazyPostHistory postId={post.id} initial={openPanel?.postId === post.id ? openPanel.revisions : undefined} />
      )}
      {panel?.kind !== "modifier" && !isGone && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm font-medium">
          <VoteButtons endpoint={`/api/posts/${post.id}/vote`} initial={{ up: post.upvotes, down: post.downvotes, myVote: post.myVote }} refusal={voteRefusal} />
          {context.canReply && (
            <>
              {panelLink("repondre", "Répondre")}
              {panelLink("citer", "Citer")}
            </>
          )}
          {viewer?.canWrite && !isAuthor && !post.hidden && <ReportButton targetType="POST" targetId={post.id} />}
          {viewer?.isModerator && !post.deleted && (
            <ModerationAction
              label={post.hidden ? "Rétablir" : "Masquer"}
              endpoint={`/api/moderation/posts/${post.id}/${post.hidden ? "restore" : "hide"}`}
              needsReason={!post.hidden}
              onDone={(reason) => onChanged({ ...post, hidden: !post.hidden, hiddenReason: post.hidden ? null : reason })}
            />
          )}
          {isAuthor && viewer?.canWrite && (
            <>
              {panelLink("modifier", "Modifier")}
              {panelLink("supprimer", "Supprimer", "text-red-700 hover:underline dark:text-red-300")}
            </>
          )}
        </div>
      )}
      {(panel?.kind === "repondre" || panel?.kind === "citer") && context.canReply && !isGone && (
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
      {panel?.kind === "supprimer" && isAuthor && <DeleteConfirmation postId={post.id} returnTo={returnTo} focusOnOpen={panel.byClick} cancel={{ href: `${returnTo}#p-${post.id}`, onClick: close }} />}
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
      <p className="text-sm">Supprimer cette contribution ? Son texte disparaîtra ; les réponses resteront.</p>
      <div className="flex gap-2">
        <Button type="submit" autoFocus={focusOnOpen} disabled={form.isPending}>
          Supprimer définitivement
        </Button>
        <CancelLink cancel={cancel} />
      </div>
    </ActionForm>
  );
}
