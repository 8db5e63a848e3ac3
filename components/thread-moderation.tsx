"use client";

import { useRouter } from "next/navigation";
import { closeThreadAction, moderateThreadAction, reopenThreadAction, restoreAction, writeSummaryAction } from "@/app/actions/moderation";
import { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "@/lib/schemas/vocabulary";
import { withOpenForm } from "@/lib/form-links";
import { ActionButton } from "./action-button";
import { HideContentForm, useHiding } from "./hide-content-form";
import { LazyPostComposer } from "./lazy-post-panels";
import { OpenedForm, OpeningLink, useOpenedForm } from "./opened-action-form";
import { TextField } from "./ui/text-field";

type Props = {
  thread: { id: number; title: string; isLocked: boolean; isPinned: boolean; isHidden: boolean; isClosed: boolean };
  /** The closing summary's text now (markdown), to rewrite; null when none is written. */
  summary: string | null;
  /** The viewer may hide or restore it (lib/authorization.ts). */
  canHide: boolean;
  canRestore: boolean;
  /** The thread page's address (path and query, no form open). */
  returnTo: string;
  /** The form the address opened (`?ouvrir=renommer`), without JavaScript. */
  open: string | undefined;
};

/** Where the actions come back to, and what takes the focus after one. */
const ANCHOR = "moderation-du-fil";

/**
 * « Modération du fil »: a row of actions (one-click ones are buttons; rename and hide open
 * their form below the row), each a real form that works without JavaScript.
 */
export function ThreadModeration({ thread, summary, canHide, canRestore, returnTo, open }: Props) {
  const renaming = useOpenedForm(moderateThreadAction, open === "renommer");
  const hiding = useHiding(open === "masquer");
  // Closing and reopening: the form the question's state calls for (each bound to its own action).
  const closeForm = useOpenedForm(closeThreadAction, open === "clore" && !thread.isClosed);
  const reopenForm = useOpenedForm(reopenThreadAction, open === "clore" && thread.isClosed);
  const closing = thread.isClosed ? reopenForm : closeForm;
  const router = useRouter();
  const back = `${returnTo}#${ANCHOR}`;
  const opening = (key: string) => `${withOpenForm(returnTo, key)}#${ANCHOR}`;
  const fields = { threadId: thread.id, returnTo: back };
  return (
    <div id={ANCHOR} tabIndex={-1} role="group" aria-label="Modération du fil" className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-4">
        <ActionButton action={moderateThreadAction} fields={{ ...fields, locked: String(!thread.isLocked) }} label={thread.isLocked ? "Déverrouiller" : "Verrouiller"} />
        <ActionButton action={moderateThreadAction} fields={{ ...fields, pinned: String(!thread.isPinned) }} label={thread.isPinned ? "Désépingler" : "Épingler"} />
        <OpeningLink opening={renaming.opening} href={opening("renommer")} label="Renommer" />
        <OpeningLink opening={closing.opening} href={opening("clore")} label={thread.isClosed ? "Rouvrir la question" : "Clore la question"} />
        {/* The summary's editor is a page of its own state (`?ouvrir=synthese`): a link, with JavaScript or without. */}
        <a href={opening("synthese")} className="font-medium text-amber-800 hover:underline dark:text-amber-300">
          {summary === null ? "Écrire la synthèse de clôture" : "Réécrire la synthèse de clôture"}
        </a>
        {thread.isHidden
          ? canRestore && <ActionButton action={restoreAction} fields={{ targetType: "THREAD", targetId: thread.id, returnTo: back }} label="Rétablir le fil" />
          : canHide && <OpeningLink opening={hiding.opening} href={opening("masquer")} label="Masquer le fil" />}
      </div>
      <OpenedForm opened={renaming} hiddenFields={{ threadId: thread.id }} returnTo={back} submitLabel="Renommer le fil">
        {(openedByClick) => (
          <TextField
            label="Nouveau titre"
            name="title"
            required
            minLength={THREAD_TITLE_MIN}
            maxLength={THREAD_TITLE_MAX}
            defaultValue={renaming.form.valueOf("title", thread.title)}
            error={renaming.form.errors.title}
            autoFocus={openedByClick}
          />
        )}
      </OpenedForm>
      <OpenedForm opened={closing} hiddenFields={{ threadId: thread.id }} returnTo={back} submitLabel={thread.isClosed ? "Confirmer : rouvrir la question" : "Confirmer : clore la question"}>
        {(openedByClick) => (
          <>
            <p>
              {thread.isClosed
                ? "Les membres pourront de nouveau publier, voter et changer de position."
                : "Plus personne ne pourra publier, modifier, voter ni changer de position : le décompte devient définitif. La question reste lisible, et peut être rouverte."}
            </p>
            <TextField label="Raison (facultative)" name="reason" defaultValue={closing.form.valueOf("reason")} error={closing.form.errors.reason} autoFocus={openedByClick} />
          </>
        )}
      </OpenedForm>
      {open === "synthese" && (
        <section aria-labelledby="synthese-cloture-titre" className="space-y-2 rounded-md border border-amber-300 p-3 dark:border-amber-800">
          <h2 id="synthese-cloture-titre" className="font-semibold">
            Synthèse de clôture
          </h2>
          <p>Elle s’affiche en tête de la question, ouverte ou close ; chaque version remplacée reste dans son historique.</p>
          <LazyPostComposer
            action={writeSummaryAction}
            fields={{ threadId: thread.id, returnTo: back }}
            label="Synthèse de la modération (Markdown)"
            submitLabel="Enregistrer la synthèse"
            initialBody={summary ?? ""}
            cancel={{ href: back, onClick: () => router.push(back) }}
          />
        </section>
      )}
      {!thread.isHidden && canHide && <HideContentForm target={{ type: "THREAD", id: thread.id }} hiding={hiding} returnTo={back} submitLabel="Confirmer : masquer le fil" />}
    </div>
  );
}
