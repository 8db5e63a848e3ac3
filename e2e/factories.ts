// Each test's own data, with unique names, so tests never depend on each other.
import type { APIRequestContext } from "@playwright/test";
import { withE2eDatabase } from "./database";

let sequence = 0;

export function newMemberData(label = "membre") {
  sequence += 1;
  const unique = `${Date.now().toString(36)}${process.pid}${sequence}`;
  return { email: `${label}-${unique}@example.test`, name: `${label} ${unique}`.slice(0, 40), password: `mot de passe ${unique}` };
}

/**
 * A member created through the public API, as the sign-up page does. Each comes from an address
 * of its own (the documentation range 198.51.100.0/24, in X-Forwarded-For as a proxy would set
 * it; the suite's server runs with TRUSTED_PROXIES=1), so that the suite stays under the limit of
 * sign-ups per address.
 */
export async function createMemberViaApi(request: APIRequestContext, label?: string) {
  const member = newMemberData(label);
  const address = `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
  const response = await request.post("/api/users", { data: member, headers: { "x-forwarded-for": address } });
  if (response.status() !== 201) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  return { ...member, id: (await response.json()).id as number };
}

/** A thread of its own for the test, written straight to the database. */
export async function createThread(title: string, { isLocked = false } = {}) {
  const slug = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const id = await withE2eDatabase(async (db) => {
    const { rows } = await db.query(
      `INSERT INTO threads (slug, title, body, body_html, is_locked, updated_at) VALUES ($1, $2, 'Contexte.', '<p>Contexte.</p>', $3, now()) RETURNING id`,
      [slug, title, isLocked],
    );
    return rows[0].id as number;
  });
  return { id, slug };
}

/** Gives a member a role straight in the database (moderation.spec.ts goes through the role CLI itself). */
export async function setRole(userId: number, role: "MEMBER" | "MODERATOR" | "ADMIN") {
  await withE2eDatabase((db) => db.query("UPDATE users SET role = $2 WHERE id = $1", [userId, role]));
}
