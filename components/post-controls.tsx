"use client";

import { useSearchParams } from "next/navigation";
import { type ReactNode, useState } from "react";
import { restoreAction } from "@/app/actions/moderation";
import { publishPost, removePost, updatePost } from "@/app/actions/posts";
import { panelHref, withOpenForm } from "@/lib/form-links";
import type { OpenPanel } from "@/lib/open-panel";
import type { PostAbilities } from "@/lib/posts";
import { quoteOf, withoutQuotes } from "@/lib/quote";
import type { OpenFormKind } from "@/lib/schemas/post";
import { ActionButton } from "./action-button";
import { HideContentForm, useHiding } from "./hide-content-form";
import { LazyPostComposer, LazyPostHistory } from "./lazy-post-panels";
import { OpeningLink } from "./opened-action-form";
import { POST_ACTIONS_ROW, POST_HEADER_ROW } from "./post-types";
import { ReportPanel, ReportToggle, useReport } from "./report-button";
import { ActionForm, useActionForm } from "./ui/action-form";
import { Button } from "./ui/button";
import { type Cancel, CancelLink } from "./ui/cancel-link";
import { VoteButtons } from "./vote-buttons";
import { voteRefusalOf } from "./vote-sides";

export type PostContext = {
  threadId: number;
  /** The page the post is on (path and query, no form open): forms come back to it. */
  returnTo: string;
  /**
   * On the thread's page (where the stance form is): the posts its address picked for the form's
   * next change; a post offers to join them (« Ce message m'a fait changer d'avis »).
   */
  creditPicks?: number[];
};

/** What a post's controls need of it: never its text, but its source when the viewer may quote or edit it. */
export type PostControlsData = {
  id: number;
  authorName: string;
  /** Deleted, or hidden from this viewer: no text, no controls. */
  isGone: boolean;
  hidden: boolean;
  /** Edited, and the viewer may read its earlier versions: the « modifié » link. */
  hasHistory: boolean;
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
  can: PostAbilities;
  source?: string;
};

type Props = {
  post: PostControlsData;
  context: PostContext;
  /** The form or history the address opened on this post. */
  openPanel?: Omit<OpenPanel, "postId">;
  /** The parts the server rendered: the author, date and badge; whom a deep reply answers; the text. */
  header: ReactNode;
  replyTo?: ReactNode;
  body: ReactNode;
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

type Report = ReturnType<typeof useReport>;
type Hiding = ReturnType<typeof useHiding>;

/** The report form's state, for a viewer who may report: other viewers' posts hold no such hooks. */
function ReportScope({ post, children }: { post: PostControlsData; children: (report: Report) => ReactNode }) {
  return children(useReport({ type: "POST", id: post.id }));
}

/** The hiding form's state, for a moderator (`?ouvrir=masquer-12` opens it without JavaScript). */
function HidingScope({ hideKey, children }: { hideKey: string; children: (hiding: Hiding) => ReactNode }) {
  return children(useHiding(useSearchParams().get("ouvrir") === hideKey));
}

/**
 * A post's interactive part, the one client component of a post: its votes, the links that open
 * its forms in place (or, without JavaScript, load the page with them open) and those forms. The
 * post's text and header come rendered from the server; editing takes the text's place.
 */
export function PostControls({ post, context, openPanel, header, replyTo, body }: Props) {
  const { returnTo } = context;
  const { can, authorName } = post;
  const [panel, setPanel] = useState<{ kind: OpenFormKind; draft?: string; byClick?: boolean } | null>(openPanel ? { kind: openPanel.kind } : null);
  const backToPost = `${returnTo}#p-${post.id}`;
  const hideKey = `masquer-${post.id}`;
  const wholeQuote = () => quoteOf({ id: post.id, authorName }, withoutQuotes(post.source ?? ""));
  const close = () => setPanel(null);
  const cancel = { href: backToPost, onClick: close };
  const hiddenFields = { returnTo, threadId: context.threadId };

  /** A panel's link: it opens the panel in place, or (without JavaScript) loads the page with it open. */
  const panelLink = (kind: OpenFormKind, label: string, className = LINK) => (
    <a
      href={panelHref(returnTo, kind, post.id)}
      className={className}
      aria-expanded={panel?.kind === kind}
      onClick={(event) => {
        event.preventDefault();
        if (panel?.kind === kind) return close();
        const selection = kind === "citer" ? selectedText(event.currentTarget.closest("article")?.querySelector<HTMLElement>("[data-post-body]") ?? null) : null;
        setPanel({ kind, byClick: true, draft: kind === "citer" ? (selection ? quoteOf({ id: post.id, authorName }, selection) : wholeQuote()) : undefined });
      }}
    >
      {label}
    </a>
  );

  const isEditing = panel?.kind === "modifier" && can.edit;
  // The forms' state lives as long as the viewer may use them, not only while they show: hiding
  // a post turns its « Masquer » into « Rétablir » (and ends its reporting), and the hiding's
  // outcome (its notice) still comes from the form that sent it, outermost so that it stays.
  const withReport = (render: (report: Report | null) => ReactNode) => (can.report ? <ReportScope post={post}>{render}</ReportScope> : render(null));
  const withHiding = (render: (hiding: Hiding | null) => ReactNode) => (can.hide || can.restore ? <HidingScope hideKey={hideKey}>{render}</HidingScope> : render(null));
  const canHideNow = can.hide && !post.hidden;

  const actions = (report: Report | null, hiding: Hiding | null) => (
    <div className={POST_ACTIONS_ROW}>
      <VoteButtons
        target={{ kind: "post", id: post.id }}
        subject={`contribution de ${authorName}`}
        initial={{ up: post.upvotes, down: post.downvotes, myVote: post.myVote }}
        refusal={voteRefusalOf(can.voteRefusal, backToPost)}
      />
      {can.reply && (
        <>
          {panelLink("repondre", "Répondre")}
          {panelLink("citer", "Citer")}
        </>
      )}
      {report && <ReportToggle report={report} />}
      {post.hidden && can.restore && <ActionButton action={restoreAction} fields={{ targetType: "POST", targetId: post.id, returnTo: backToPost }} label="Rétablir" />}
      {hiding && canHideNow && <OpeningLink opening={hiding.opening} href={`${withOpenForm(returnTo, hideKey)}#p-${post.id}`} label="Masquer" />}
      {can.edit && panelLink("modifier", "Modifier")}
      {can.delete && panelLink("supprimer", "Supprimer", "text-red-700 hover:underline dark:text-red-300")}
    </div>
  );

  return (
    <>
      <div className={POST_HEADER_ROW}>
        {header}
        {post.hasHistory && panelLink("historique", "modifié", "underline")}
        {replyTo}
      </div>
      {isEditing ? (
        <div className="mt-3">
          <LazyPostComposer
            action={updatePost}
            fields={{ ...hiddenFields, postId: post.id }}
            label="Modifier votre contribution"
            submitLabel="Enregistrer"
            initialBody={post.source!}
            autoFocus={panel.byClick}
            cancel={cancel}
          />
        </div>
      ) : (
        body
      )}
      {panel?.kind === "historique" && post.hasHistory && <LazyPostHistory postId={post.id} initial={openPanel?.revisions} />}
      {withHiding((hiding) =>
        withReport((report) => (
          <>
            {!isEditing && !post.isGone && actions(report, hiding)}
            {report && <ReportPanel report={report} />}
            {hiding && canHideNow && <HideContentForm target={{ type: "POST", id: post.id }} hiding={hiding} returnTo={backToPost} submitLabel="Confirmer : masquer" className="mt-3" />}
          </>
        )),
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
            cancel={cancel}
          />
        </div>
      )}
      {panel?.kind === "supprimer" && can.delete && <DeleteConfirmation postId={post.id} returnTo={returnTo} focusOnOpen={panel.byClick} cancel={cancel} />}
    </>
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
