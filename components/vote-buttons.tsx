"use client";

import { useState } from "react";
import { ApiError, sendJson } from "@/lib/api-client";
import { ListLink } from "./ui/list-link";

type Tally = { up: number; down: number; myVote: -1 | 0 | 1 };

type Props = {
  endpoint: string;
  initial: Tally;
  /** Null when the viewer cannot vote: signed out (a link to sign in), own post or suspended (a reason). */
  refusal: null | { signInHref: string } | { reason: string };
};

/**
 * Up and down votes, updated at once and rolled back if the server refuses. Pressing the
 * pressed button again withdraws the vote.
 */
export function VoteButtons({ endpoint, initial, refusal }: Props) {
  const [tally, setTally] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);

  async function vote(value: 1 | -1) {
    const next = tally.myVote === value ? 0 : value;
    const before = tally;
    const up = tally.up + (next === 1 ? 1 : 0) - (tally.myVote === 1 ? 1 : 0);
    const down = tally.down + (next === -1 ? 1 : 0) - (tally.myVote === -1 ? 1 : 0);
    setTally({ up, down, myVote: next });
    setMessage(null);
    try {
      setTally(await sendJson<Tally>("PUT", endpoint, { value: next }));
    } catch (error) {
      setTally(before);
      setMessage(error instanceof ApiError ? error.message : "Le vote n’a pas pu être enregistré.");
    }
  }

  const isDisabled = refusal !== null;
  const title = refusal && "reason" in refusal ? refusal.reason : undefined;
  const button = "inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-sm aria-pressed:font-bold disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-pressed={tally.myVote === 1}
        aria-label={`Voter pour (${tally.up})`}
        disabled={isDisabled}
        title={title}
        onClick={() => vote(1)}
        className={`${button} border-slate-300 aria-pressed:border-green-700 aria-pressed:bg-green-50 aria-pressed:text-green-900 dark:border-slate-600 dark:aria-pressed:bg-green-950 dark:aria-pressed:text-green-100`}
      >
        <span aria-hidden="true">▲</span> {tally.up}
      </button>
      <button
        type="button"
        aria-pressed={tally.myVote === -1}
        aria-label={`Voter contre (${tally.down})`}
        disabled={isDisabled}
        title={title}
        onClick={() => vote(-1)}
        className={`${button} border-slate-300 aria-pressed:border-red-700 aria-pressed:bg-red-50 aria-pressed:text-red-900 dark:border-slate-600 dark:aria-pressed:bg-red-950 dark:aria-pressed:text-red-100`}
      >
        <span aria-hidden="true">▼</span> {tally.down}
      </button>
      {refusal && "signInHref" in refusal && (
        <ListLink href={refusal.signInHref} className="text-xs text-blue-700 underline dark:text-blue-300">
          Connectez-vous pour voter
        </ListLink>
      )}
      {message && (
        <span role="status" className="text-xs text-red-700 dark:text-red-300">
          {message}
        </span>
      )}
    </div>
  );
}
