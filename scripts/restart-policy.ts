// When the launcher (scripts/with-database.ts --restart) brings a crashed server back: at once
// for a rare crash, with a doubling delay when crashes follow each other, and not at all past a
// few crashes in a minute, when a restart would only burn CPU (a bad build, a port taken, a
// database gone) and the operator's supervisor (systemd, see README) must take over.

/** Delay before the first restart after a quiet period. */
export const FIRST_RESTART_DELAY_MS = 250;
/** A crash is forgotten after this long. */
export const CRASH_WINDOW_MS = 60_000;
/** This many crashes within the window stop the launcher instead of a restart. */
export const MAX_CRASHES_PER_WINDOW = 5;

export type RestartPolicy = {
  /** Records a crash at `now`: the delay before the restart, or null when the server crashes in a loop. */
  onCrash(now?: number): number | null;
};

export function restartPolicy(): RestartPolicy {
  let crashes: number[] = [];
  return {
    onCrash(now = Date.now()) {
      crashes = [...crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
      if (crashes.length >= MAX_CRASHES_PER_WINDOW) return null;
      // 250 ms, 0.5 s, 1 s, 2 s: the crash limit bounds the delay.
      return FIRST_RESTART_DELAY_MS * 2 ** (crashes.length - 1);
    },
  };
}
