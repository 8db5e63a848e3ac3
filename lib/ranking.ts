// Ranking formulas, stored in rank columns so that every sort is an index scan.

// Every 45,000 seconds (12.5 hours) of age weighs as much as a tenfold score.
const HOT_SECONDS_PER_DECADE = 45_000;

/**
 * Reddit's hot rank: sign(s)·log10(max(|s|,1)) + seconds/45000. A newer item starts higher
 * instead of older ones decaying, so the value never needs recomputing as time passes.
 */
export function hotRank(score: number, createdAt: Date): number {
  const order = Math.log10(Math.max(Math.abs(score), 1));
  return Math.sign(score) * order + createdAt.getTime() / 1000 / HOT_SECONDS_PER_DECADE;
}
