"use client";

import { type FormEvent, useCallback, useState } from "react";
import { votePostAction, voteThreadAction } from "@/app/actions/votes";
import type { VoteTally } from "@/lib/votes";
import { ActionForm, useActionForm } from "./ui/action-form";
import { usePageHref } from "./use-page-href";
import { RefusedVotes, SIDES, SideLabel, type Tally, VOTE_BUTTON, type VoteRefusal } from "./vote-sides";

type Vote = VoteTally["myVote"];

type Props = {
  target: { kind: "post" | "thread"; id: number };
  /** What the vote is on, ending each button's accessible name: "contribution de Sofia Benali". */
  subject: string;
  initial: Tally;
  /** Null when the viewer can vote. */
  refusal: VoteRefusal | null;
};

const ACTIONS = { post: votePostAction, thread: voteThreadAction };

/** The tally once the viewer's vote is `value`: the counts move by the change of vote. */
function withVote(tally: Tally, value: Vote): Tally {
  const up = tally.up + (value === 1 ? 1 : 0) - (tally.myVote === 1 ? 1 : 0);
  const down = tally.down + (value === -1 ? 1 : 0) - (tally.myVote === -1 ? 1 : 0);
  return { up, down, myVote: value };
}

/**
 * Up and down votes as a form: without JavaScript it posts and comes back to the post; with it
 * the counts move at once and come back if the server refuses, whose reason the form then shows.
 * Pressing the pressed button again withdraws the vote.
 */
export function VoteButtons({ target, subject, initial, refusal }: Props) {
  if (refusal) return <RefusedVotes subject={subject} tally={initial} refusal={refusal} />;
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
          className={`${VOTE_BUTTON} ${side.pressed}`}
        >
          <SideLabel side={side} tally={tally} subject={subject} />
        </button>
      ))}
    </ActionForm>
  );
}
