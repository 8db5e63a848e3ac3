// Who credited a post with changing their mind, for moderators (`?credits=12`, lib/open-panel.ts):
// each credit with its form to void or restore it. Server markup; the forms are the client part.
import { formatDateTime } from "@/lib/format";
import type { PostCredit } from "@/lib/credit-moderation";
import { CREDITS_CURSOR_PARAM, withQuery } from "@/lib/form-links";
import type { Page } from "@/lib/schemas/pagination";
import { CreditModerationForm } from "./credit-moderation-form";

type Props = {
  postId: number;
  credits: Page<PostCredit>;
  /** The page with this panel open, at the post: the forms come back to it. */
  panelHref: string;
  /** The same page, the panel closed. */
  closeHref: string;
};

const time = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;

export function PostCredits({ postId, credits, panelHref, closeHref }: Props) {
  const titleId = `credits-${postId}`;
  return (
    <section aria-labelledby={titleId} className="mt-3 space-y-3 rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800">
      <h4 id={titleId} className="font-semibold">
        Qui a dit que ce message l’a fait changer d’avis
      </h4>
      <p className="text-slate-700 dark:text-slate-300">
        Un crédit annulé (un membre qui crédite depuis plusieurs comptes) ne compte plus ; son membre ne peut pas créditer ce message de nouveau.
      </p>
      {credits.items.length === 0 ? (
        <p>Aucun crédit.</p>
      ) : (
        <ol className="space-y-3">
          {credits.items.map((credit) => (
            <li key={credit.id} className="border-t border-slate-200 pt-2 first:border-t-0 first:pt-0 dark:border-slate-700">
              <p>
                <a href={`/u/${credit.member.id}`} className="font-semibold text-blue-700 underline dark:text-blue-300">
                  {credit.member.name}
                </a>
                , de «{"\u202f"}{credit.from}{"\u202f"}» à «{"\u202f"}{credit.to}{"\u202f"}», le {time(credit.createdAt)}
                {credit.voidedAt && <span className="font-semibold text-amber-800 dark:text-amber-300"> · annulé le {time(credit.voidedAt)}</span>}
              </p>
              <CreditModerationForm creditId={credit.id} isVoided={credit.voidedAt !== null} returnTo={panelHref} />
            </li>
          ))}
        </ol>
      )}
      <p className="flex flex-wrap gap-4">
        {credits.nextCursor && (
          <a href={withQuery(panelHref, { [CREDITS_CURSOR_PARAM]: credits.nextCursor })} className="text-blue-700 underline dark:text-blue-300">
            Crédits plus anciens
          </a>
        )}
        <a href={closeHref} className="text-blue-700 underline dark:text-blue-300">
          Fermer
        </a>
      </p>
    </section>
  );
}
