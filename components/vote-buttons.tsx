"use client";

import Link from "next/link";
import { type FormEvent, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { votePostAction, voteThreadAction } from "@/app/actions/votes";
import type { VoteTally } from "@/lib/votes";
import { ActionForm, useActionForm } from "./ui/action-form";
import { usePageHref } from "./use-page-href";
import { formatCount } from "@/lib/numbers";

type Vote = VoteTally["myVote"];
type Tally = Pick<VoteTally, "up" | "down" | "myVote">;

type Props = {
  target: { kind: "post" | "thread"; id: number };
  /** What the vote is on, ending each button's accessible name: "contribution de Sofia Benali". */
  subject: string;
  initial: Tally;
  /** Null when the viewer can vote: signed out (a link to sign in), own post or suspended (a reason). */
  refusal: null | { signInHref: string } | { reason: string };
};

const ACTIONS = { post: votePostAction, thread: voteThreadAction };

const SIDES = [
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

const BUTTON =
  "inline-flex min-h-6 items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-sm aria-pressed:font-bold disabled:opacity-60 dark:border-slate-600";

/** The tally once the viewer's vote is `value`: the counts move by the change of vote. */
function withVote(tally: Tally, value: Vote): Tally {
  const up = tally.up + (value === 1 ? 1 : 0) - (tally.myVote === 1 ? 1 : 0);
  const down = tally.down + (value === -1 ? 1 : 0) - (tally.myVote === -1 ? 1 : 0);
  return { up, down, myVote: value };
}

/**
 * The visible label ("▲ Pour 5") starts the accessible name, which goes on to say what the vote
 * is on ("Pour 5 — contribution de Sofia Benali"): label in name (WCAG 2.5.3), and each of the
 * page's buttons tells its post.
 */
function SideLabel({ side, tally, subject }: { side: (typeof SIDES)[number]; tally: Tally; subject: string }) {
  return (
    <>
      <span aria-hidden="true">{side.icon}</span> {side.word} {formatCount(side.count(tally))}
      <span className="sr-only"> — {subject}</span>
    </>
  );
}

/**
 * Up and down votes as a form: without JavaScript it posts and comes back to the post; with it
 * the counts move at once and come back if the server refuses, whose reason the form then shows.
 * Pressing the pressed button again withdraws the vote.
 */
export function VoteButtons({ target, subject, initial, refusal }: Props) {
  if (refusal && "signInHref" in refusal) return <SignedOutVotes subject={subject} tally={initial} signInHref={refusal.signInHref} />;
  if (refusal) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        {SIDES.map((side) => (
          <button key={side.value} type="button" disabled title={refusal.reason} className={BUTTON}>
            <SideLabel side={side} tally={initial} subject={subject} />
          </button>
        ))}
      </div>
    );
  }
  return <VoteForm target={target} subject={subject} initial={initial} />;
}

function VoteForm({ target, subject, initial }: Pick<Props, "target" | "subject" | "initial">) {
  const [confirmed, setConfirmed] = useState<Tally>(initial);
  const form = useActionForm(
    ACTIONS[target.kind],
    useCallback((done: { result: Tally }) => setConfirmed(done.result), []),
  );
  const [requested, setRequested] = useState<Vote>(initial.myVote);
  // The server's last word (the outcome of this render's action, before the effect keeps it),
  // with the vote being sent on top of it.
  const current = form.state.status === "done" ? form.state.result : confirmed;
  const tally = form.isPending ? withVote(current, requested) : current;
  const formId = `votes-${target.kind}-${target.id}`;
  const returnTo = usePageHref()(target.kind === "post" ? `p-${target.id}` : formId);

  function showRequested(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement) setRequested(Number(submitter.value) as Vote);
  }

  return (
    <ActionForm
      form={form}
      id={formId}
      tabIndex={-1}
      onSubmit={showRequested}
      className="flex flex-wrap items-center gap-2 [&>[role=alert]]:order-last [&>[role=alert]]:basis-full"
    >
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {SIDES.map((side) => (
        <button
          key={side.value}
          type="submit"
          name="value"
          value={tally.myVote === side.value ? 0 : side.value}
          aria-pressed={tally.myVote === side.value}
          className={`${BUTTON} ${side.pressed}`}
        >
          <SideLabel side={side} tally={tally} subject={subject} />
        </button>
      ))}
    </ActionForm>
  );
}

// Which signed-out vote control asked to sign in: one prompt on the page, next to it.
let promptedBy: string | null = null;
const promptListeners = new Set<() => void>();
function promptSignIn(control: string) {
  promptedBy = control;
  for (const listener of promptListeners) listener();
}
function subscribeToPrompt(listener: () => void) {
  promptListeners.add(listener);
  return () => promptListeners.delete(listener);
}

/**
 * Counts for a signed-out reader: buttons of a form that leads to sign-in (GET /connexion, back to
 * the post), so that they work without JavaScript and stay the same element once it runs — no
 * swap of a link for a button on every post as the page hydrates. With it, a click shows one
 * "Connectez-vous pour voter" link beside the control, which takes the focus.
 */
function SignedOutVotes({ subject, tally, signInHref }: { subject: string; tally: Tally; signInHref: string }) {
  const control = useId();
  const isPrompted = useSyncExternalStore(subscribeToPrompt, () => promptedBy === control, () => false);
  const prompt = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (isPrompted) prompt.current?.focus();
  }, [isPrompted]);
  const signIn = new URL(signInHref, "http://agora.invalid");
  return (
    <form
      method="get"
      action={signIn.pathname}
      onSubmit={(event) => {
        event.preventDefault();
        promptSignIn(control);
      }}
      className="flex flex-wrap items-center gap-2"
    >
      {[...signIn.searchParams].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {SIDES.map((side) => (
        <button key={side.value} type="submit" className={BUTTON}>
          <SideLabel side={side} tally={tally} subject={subject} />
        </button>
      ))}
      {isPrompted && (
        <Link ref={prompt} href={signInHref} className="text-sm text-blue-700 underline dark:text-blue-300">
          Connectez-vous pour voter
        </Link>
      )}
    </form>
  );
}
