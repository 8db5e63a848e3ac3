import type { VoteTally } from "@/lib/votes";
import { formatCount } from "@/lib/numbers";
import { signInHref } from "@/lib/form-links";

/**
 * The vote buttons' parts that need no state: used by the form of a member who may vote
 * (components/vote-buttons.tsx, a client component) and by the controls a server renders for a
 * reader who may not (signed out, own post, suspended), which the browser then has nothing to run for.
 */
export type Tally = Pick<VoteTally, "up" | "down" | "myVote">;

export const SIDES = [
  {
    value: 1,
    icon: "▲",
    word: "Pour",
    count: (tally: Tally) => tally.up,
    pressed: "aria-pressed:border-green-700 aria-pressed:bg-green-50 aria-pressed:text-green-900 dark:aria-pressed:bg-green-950 dark:aria-pressed:text-green-100",
  },
  {
    value: -1,
    icon: "▼",
    word: "Contre",
    count: (tally: Tally) => tally.down,
    pressed: "aria-pressed:border-red-700 aria-pressed:bg-red-50 aria-pressed:text-red-900 dark:aria-pressed:bg-red-950 dark:aria-pressed:text-red-100",
  },
] as const;

export const VOTE_BUTTON =
  "inline-flex min-h-6 items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-sm aria-pressed:font-bold disabled:opacity-60 dark:border-slate-600";

/** Marks the signed-out vote forms, whose submission components/sign-in-prompt.tsx turns into a prompt. */
export const SIGN_IN_TO_VOTE = "data-sign-in-to-vote";
/** The place in such a form where the prompt goes. */
export const SIGN_IN_PROMPT_SLOT = "data-sign-in-slot";

/**
 * The visible label ("▲ Pour 5") starts the accessible name, which goes on to say what the vote
 * is on ("Pour 5 — contribution de Sofia Benali"): label in name (WCAG 2.5.3), and each of the
 * page's buttons tells its post.
 */
export function SideLabel({ side, tally, subject }: { side: (typeof SIDES)[number]; tally: Tally; subject: string }) {
  return (
    <>
      <span aria-hidden="true">{side.icon}</span> {side.word} {formatCount(side.count(tally))}
      <span className="sr-only"> — {subject}</span>
    </>
  );
}

/** Why a viewer may not vote: signed out (where to sign in), or a reason (own post, suspended). */
export type VoteRefusal = { signInHref: string } | { reason: string };

/** The refusal to show for the server's refusal of a vote (null: the viewer may vote); sign-in comes back to `backTo`. */
export function voteRefusalOf(refusal: { reason: string; needsSignIn?: boolean } | null, backTo: string): VoteRefusal | null {
  if (!refusal) return null;
  return refusal.needsSignIn ? { signInHref: signInHref(backTo) } : { reason: refusal.reason };
}

/**
 * Counts for a viewer who may not vote. Signed out: buttons of a form that leads to sign-in (GET
 * /connexion, back to the post), which work without JavaScript; with it, components/sign-in-prompt.tsx
 * shows one "Connectez-vous pour voter" link beside the control instead. Otherwise: disabled
 * buttons whose title says why (own post, suspended).
 */
export function RefusedVotes({ subject, tally, refusal }: { subject: string; tally: Tally; refusal: VoteRefusal }) {
  if ("reason" in refusal) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        {SIDES.map((side) => (
          <button key={side.value} type="button" disabled title={refusal.reason} className={VOTE_BUTTON}>
            <SideLabel side={side} tally={tally} subject={subject} />
          </button>
        ))}
      </div>
    );
  }
  const signIn = new URL(refusal.signInHref, "http://agora.invalid");
  return (
    <form method="get" action={signIn.pathname} {...{ [SIGN_IN_TO_VOTE]: "" }} className="flex flex-wrap items-center gap-2">
      {[...signIn.searchParams].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {SIDES.map((side) => (
        <button key={side.value} type="submit" className={VOTE_BUTTON}>
          <SideLabel side={side} tally={tally} subject={subject} />
        </button>
      ))}
      <span {...{ [SIGN_IN_PROMPT_SLOT]: "" }} className="contents" />
    </form>
  );
}
