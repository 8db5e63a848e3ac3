"use client";

import { useState } from "react";
import { sendJson } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { ModerationAction } from "./moderation-actions";
import { PostComposer } from "./post-composer";
import { PostHistory } from "./post-history";
import { type ClientPost, MAX_INDENT_DEPTH, type Viewer } from "./post-types";
import { ReportPanel, ReportToggle, useReport } from "./report-button";
import { StanceBadge } from "./stance-badge";
import { ListLink } from "./ui/list-link";
import { VoteButtons } from "./vote-buttons";

type Props = {
  threadId: number;
  threadPath: string;
  post: ClientPost;
  parent?: ClientPost;
  viewer: Viewer;
  canReply: boolean;
  onReplied: (reply: ClientPost) => void;
  onChanged: (post: ClientPost) => void;
};

const INDENT = ["ms-0", "ms-4 sm:ms-8", "ms-8 sm:ms-16", "ms-12 sm:ms-24"];

/** "> " before every line: the quoted post as the start of a reply. */
const quote = (post: ClientPost) => `> **${post.author?.name ?? ""}** :\n${post.body!.split("\n").map((line) => `> ${line}`).join("\n")}\n\n`;

export function PostItem({ threadId, threadPath, post, parent, viewer, canReply, onReplied, onChanged }: Props) {
  const [mode, setMode] = useState<"read" | "reply" | "edit">("read");
  const [replyDraft, setReplyDraft] = useState("");
  // A hidden post keeps its text for moderators and its author (the server sends it only to them).
  const isGone = post.deleted || post.bodyHtml === null;
  const isAuthor = viewer?.id === post.author?.id && !isGone;
  const canReport = !!viewer?.canWrite && !isAuthor && !post.hidden;
  const report = useReport({ type: "POST", id: post.id });
  const voteRefusal = !viewer
    ? { signInHref: `/connexion?callbackUrl=${encodeURIComponent(`${threadPath}#p-${post.id}`)}` }
    : isAuthor
      ? { reason: "On ne vote pas pour sa propre contribution." }
      : !viewer.canWrite
        ? { reason: "Votre compte est suspendu." }
        : null;

  async function reply(body: string) {
    const created = await sendJson<ClientPost>("POST", `/api/threads/${threadId}/posts`, { body, parentId: post.id });
    onReplied(created);
    setMode("read");
  }
  async function edit(body: string) {
    onChanged(await sendJson<ClientPost>("PATCH", `/api/posts/${post.id}`, { body }));
    setMode("read");
  }
  async function remove() {
    if (!window.confirm("Supprimer cette contribution ? Son texte disparaîtra ; les réponses resteront.")) return;
    await sendJson("DELETE", `/api/posts/${post.id}`);
    onChanged({ ...post, deleted: true, body: null, bodyHtml: null, author: null });
  }

  return (
    <article
      id={`p-${post.id}`}
      aria-label={isGone ? "Contribution retirée" : `Contribution de ${post.author?.name}`}
      className={`${INDENT[Math.min(post.depth, MAX_INDENT_DEPTH)]} scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 target:ring-2 target:ring-amber-500 dark:border-slate-800 dark:bg-slate-900`}
    >
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-400">
        {post.author ? (
          <ListLink href={`/u/${post.author.id}`} className="font-semibold text-slate-900 hover:underline dark:text-white">
            {post.author.name}
          </ListLink>
        ) : (
          <span className="font-semibold">[supprimé]</span>
        )}
        <a href={`#p-${post.id}`} className="hover:underline" title="Lien permanent">
          <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(new Date(post.createdAt))}</time>
        </a>
        {post.authorStance && <StanceBadge stance={post.authorStance} />}
        {post.editedAt && !isGone && <PostHistory postId={post.id} editedAt={post.editedAt} />}
        {post.depth > MAX_INDENT_DEPTH && parent && (
          <a href={`#p-${parent.id}`} className="hover:underline">
            en réponse à @{parent.author?.name ?? "[supprimé]"}
          </a>
        )}
      </p>
      {mode === "edit" ? (
        <div className="mt-3">
          <PostComposer label="Modifier votre contribution" submitLabel="Enregistrer" initialBody={post.body!} onSubmit={edit} onCancel={() => setMode("read")} />
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
          <div className="prose-agora mt-2" dangerouslySetInnerHTML={{ __html: post.bodyHtml! }} />
        </>
      )}
      {mode === "read" && !isGone && (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm font-medium">
          <VoteButtons
            target={{ kind: "post", id: post.id }}
            subject={`contribution de ${post.author?.name}`}
            initial={{ up: post.upvotes, down: post.downvotes, myVote: post.myVote }}
            refusal={voteRefusal}
          />
          {canReply && (
            <>
              <button type="button" className="text-blue-700 hover:underline dark:text-blue-300" onClick={() => { setReplyDraft(""); setMode("reply"); }}>
                Répondre
              </button>
              <button type="button" className="text-blue-700 hover:underline dark:text-blue-300" onClick={() => { setReplyDraft(quote(post)); setMode("reply"); }}>
                Citer
              </button>
            </>
          )}
          {canReport && <ReportToggle report={report} />}
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
              <button type="button" className="text-blue-700 hover:underline dark:text-blue-300" onClick={() => setMode("edit")}>
                Modifier
              </button>
              <button type="button" className="text-red-700 hover:underline dark:text-red-300" onClick={remove}>
                Supprimer
              </button>
            </>
          )}
        </div>
      )}
      {canReport && <ReportPanel report={report} />}
      {mode === "reply" && (
        <div className="mt-3">
          <PostComposer
            key={replyDraft}
            label={`Répondre à ${post.author?.name}`}
            submitLabel="Publier la réponse"
            initialBody={replyDraft}
            onSubmit={reply}
            onCancel={() => setMode("read")}
          />
        </div>
      )}
    </article>
  );
}
