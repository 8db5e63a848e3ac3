// Each test's own data, with unique names, so tests never depend on each other.
import { spawnSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { type StanceEvent, writeStanceHistory } from "../test/support/stance-history";
import { E2E_DATA_DIR, withE2eDatabase } from "./database";

let sequence = 0;

export function newMemberData(label = "membre") {
  sequence += 1;
  const unique = `${Date.now().toString(36)}${process.pid}${sequence}`;
  return { email: `${label}-${unique}@example.test`, name: `${label} ${unique}`.slice(0, 40), password: `mot de passe ${unique}` };
}

/**
 * An address of the documentation range 198.51.100.0/24, to send in X-Forwarded-For as a proxy
 * would (the suite's server runs with TRUSTED_PROXIES=1): each sign-up from an address of its own
 * keeps the suite under the limit of sign-ups per address.
 */
export const newClientAddress = () => `198.51.100.${Math.floor(Math.random() * 254) + 1}`;

/** A member created through the public API, as the sign-up page does, from an address of its own. */
export async function createMemberViaApi(request: APIRequestContext, label?: string) {
  const member = newMemberData(label);
  const response = await request.post("/api/users", { data: member, headers: { "x-forwarded-for": newClientAddress() } });
  if (response.status() !== 201) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  return { ...member, id: (await response.json()).id as number };
}

/** A thread of its own for the test, written straight to the database. */
/** The positions a test's position question offers, in their order. */
export const TEST_POSITIONS = ["Oui", "Non", "C’est nuancé"];

export async function createThread(title: string, { isLocked = false, kind = "OPEN" as "OPEN" | "POSITION" } = {}) {
  const slug = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const id = await withE2eDatabase(async (db) => {
    const { rows } = await db.query(
      `INSERT INTO threads (slug, title, body, body_html, is_locked, kind, updated_at) VALUES ($1, $2, 'Contexte.', '<p>Contexte.</p>', $3, $4, now()) RETURNING id`,
      [slug, title, isLocked, kind],
    );
    const threadId = rows[0].id as number;
    if (kind === "POSITION") {
      await db.query(
        `INSERT INTO thread_positions (thread_id, ord, label, colour) SELECT $1, ord - 1, label, (ARRAY['BLUE', 'ORANGE', 'BLUISH_GREEN'])[ord]::"PositionColour" FROM unnest($2::text[]) WITH ORDINALITY AS p(label, ord)`,
        [threadId, TEST_POSITIONS],
      );
    }
    return threadId;
  });
  return { id, slug };
}

const DAY_MS = 86_400_000;
/** Noon (UTC) of the day `days` ago: a day's stances and posts stay on that day in any time zone. */
export const noonDaysAgo = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - days * DAY_MS + DAY_MS / 2);

/**
 * A position question where three members moved over a week: `a` and `b` say « Oui » 6 days ago,
 * `c` « Non » 4 days ago, then `b` joins « Non » 2 days ago.
 */
export async function createQuestionThatMoved(request: Parameters<typeof createMemberViaApi>[0], title: string, prefix: string) {
  const thread = await createThread(title, { kind: "POSITION" });
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => createMemberViaApi(request, prefix)));
  await createStanceHistory(thread.id, [
    { userId: a.id, position: 0, at: noonDaysAgo(6) },
    { userId: b.id, position: 0, at: noonDaysAgo(6) },
    { userId: c.id, position: 1, at: noonDaysAgo(4) },
    { userId: b.id, position: 1, at: noonDaysAgo(2) },
  ]);
  return { thread, members: { a, b, c } };
}

/**
 * Members' stances on a position question of createThread at the times given, as if taken then:
 * each event names the position by its index in TEST_POSITIONS (null withdraws).
 */
export async function createStanceHistory(threadId: number, events: (Omit<StanceEvent, "positionId"> & { position: number | null })[]) {
  await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>("SELECT id FROM thread_positions WHERE thread_id = $1 ORDER BY ord", [threadId]);
    await writeStanceHistory(db, threadId, events.map(({ position, ...event }) => ({ ...event, positionId: position === null ? null : rows[position].id })));
  });
}

/** A post by a member, written straight to the database. */
export async function createPost(authorId: number, threadId: number, body: string, createdAt = new Date()) {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      "INSERT INTO posts (thread_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      [threadId, authorId, body, `<p>${body}</p>`, createdAt],
    );
    return rows[0].id;
  });
}

/** A top-level post « Le sujet » with `replies` direct replies, a second apart ("Réponse 1"…). */
export async function createConversation(threadId: number, authorId: number, replies: number) {
  await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      "INSERT INTO posts (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Le sujet', '<p>Le sujet</p>') RETURNING id",
      [threadId, authorId],
    );
    await db.query(
      `INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
       SELECT $1, $2, $3, $3, 1, 'Réponse ' || n, '<p>Réponse ' || n || '</p>', now() + n * interval '1 second'
       FROM generate_series(1, $4) AS n`,
      [threadId, authorId, rows[0].id, replies],
    );
  });
}

/** The role CLI a person would use, on the e2e server's database. */
export function setRole(email: string, role: "MEMBER" | "MODERATOR" | "ADMIN") {
  const result = spawnSync("npm", ["run", "--silent", "user:role", "--", email, role], {
    encoding: "utf8",
    env: { ...process.env, AGORA_DATA_DIR: E2E_DATA_DIR, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "" },
  });
  if (result.status !== 0) throw new Error(`user:role failed: ${result.stderr}`);
}

/** Gives a member a role straight in the database (moderation.spec.ts goes through the role CLI itself). */
export async function setRoleInDatabase(userId: number, role: "MEMBER" | "MODERATOR" | "ADMIN") {
  await withE2eDatabase((db) => db.query("UPDATE users SET role = $2 WHERE id = $1", [userId, role]));
}
