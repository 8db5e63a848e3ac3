// A question's stance history at the times a test chooses, for the integration and e2e suites: the
// stance table's trigger stamps each change with the clock, so it is switched off for the one
// transaction that writes the changes as it would have (each from the member's previous position)
// and makes each member's last position their stance, with the tallies counting the stances.
import type pg from "pg";

/** A member's position from `at` on (null: withdrawn); a member's events in time order. */
export type StanceEvent = { userId: number; positionId: number | null; at: Date };

export async function writeStanceHistory(client: pg.Client, threadId: number, events: StanceEvent[]) {
  await client.query("BEGIN");
  try {
    await client.query("ALTER TABLE thread_stances DISABLE TRIGGER thread_stances_record");
    await client.query(
      `CREATE TEMPORARY TABLE stance_events ON COMMIT DROP AS
       SELECT e.n, e.user_id, e.position_id, e.at::timestamptz AT TIME ZONE 'UTC' AS at
       FROM unnest($1::int[], $2::int[], $3::text[]) WITH ORDINALITY AS e (user_id, position_id, at, n)`,
      [events.map((event) => event.userId), events.map((event) => event.positionId), events.map((event) => event.at.toISOString())],
    );
    await client.query(
      `INSERT INTO stance_changes (thread_id, user_id, from_position_id, to_position_id, changed_at)
       SELECT $1, e.user_id, lag(e.position_id, 1, s.position_id) OVER (PARTITION BY e.user_id ORDER BY e.n), e.position_id, e.at
       FROM stance_events e LEFT JOIN thread_stances s ON s.thread_id = $1 AND s.user_id = e.user_id
       ORDER BY e.n`,
      [threadId],
    );
    await client.query(
      `CREATE TEMPORARY TABLE last_stances ON COMMIT DROP AS
       SELECT DISTINCT ON (user_id) user_id, position_id, at FROM stance_events ORDER BY user_id, n DESC`,
    );
    await client.query("DELETE FROM thread_stances s USING last_stances l WHERE s.thread_id = $1 AND s.user_id = l.user_id AND l.position_id IS NULL", [threadId]);
    await client.query(
      `INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at)
       SELECT $1, user_id, position_id, at FROM last_stances WHERE position_id IS NOT NULL
       ON CONFLICT (thread_id, user_id) DO UPDATE SET position_id = EXCLUDED.position_id, updated_at = EXCLUDED.updated_at`,
      [threadId],
    );
    await client.query(
      "UPDATE thread_positions p SET stance_count = (SELECT count(*) FROM thread_stances s WHERE s.position_id = p.id) WHERE p.thread_id = $1",
      [threadId],
    );
    await client.query("ALTER TABLE thread_stances ENABLE TRIGGER thread_stances_record");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
