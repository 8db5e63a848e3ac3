// A busy thread for the audit and the screenshots: 120 contributions (48 opinions, the rest
// replies up to three levels deep) by 24 members on the article's second question, with votes
// and stances, written straight to the database as e2e/database.ts does. The texts go through
// the forum's own Markdown renderer; every draw comes from a fixed seed, so two runs build the
// same thread.
import type pg from "pg";
import { renderMarkdown } from "../../lib/markdown/render";

export const LONG_THREAD_SLUG = "llama-2-est-il-open-source";
const MEMBER_COUNT = 24;
const OPINION_COUNT = 48;
const REPLY_COUNT = 72;
const VOTES_PER_POST = 6;

const FIRST_NAMES = ["Sofia", "Karim", "Léa", "Mathis", "Inès", "Hugo", "Chloé", "Yanis", "Camille", "Nathan", "Zoé", "Adam"];
const LAST_NAMES = ["Benali", "Martin", "Nguyen", "Lefèvre", "Diallo", "Moreau", "Rousseau", "Haddad"];

// What members write: paragraphs, emphasis, lists, quotations, links and code, as in a real debate.
const TEXTS = [
  "La licence de Llama 2 interdit son usage aux services de plus de **700 millions d’utilisateurs mensuels** : c’est une discrimination explicite, contraire au point 5 de la [définition de l’OSI](https://opensource.org/osd).",
  "Je nuance : les poids sont téléchargeables et modifiables. Pour la plupart des développeurs, c’est *en pratique* ouvert, même si ce n’est pas open source au sens strict.",
  "Trois choses manquent pour parler d’open source :\n\n1. les données d’entraînement ;\n2. le code d’entraînement complet ;\n3. une licence sans restriction d’usage.",
  "> Notre approche open source favorise la transparence et l’accès.\n\nLa transparence s’arrête pourtant aux poids : rien sur le corpus.",
  "On peut vérifier ce qu’on reçoit, au moins :\n\n```\nsha256sum llama-2-7b/consolidated.00.pth\n```\n\nMais vérifier un fichier n’est pas reproduire un entraînement.",
  "Le terme « poids ouverts » proposé par Heather Meeker me semble plus honnête. Il décrit ce que Meta publie vraiment.",
  "D’accord avec vous. La SSPL a montré qu’une licence peut se dire ouverte sans l’être ; Llama 2 suit le même chemin.",
  "Réentraîner à partir de zéro coûte des millions : exiger les données n’aiderait que les grands acteurs, pas les développeurs indépendants.",
  "Petite correction : la licence autorise l’usage commercial, sous le seuil d’utilisateurs. Ce n’est pas rien comparé aux modèles fermés.",
  "- Avantage : on peut l’héberger soi-même.\n- Limite : la politique d’usage acceptable peut changer.\n- Risque : une dépendance à Meta pour les versions futures.",
];

/** The same pseudo-random sequence at every run (mulberry32). */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type SeededPost = { id: number; depth: number; rootId: number | null };

/** Fills the long thread; returns its path. The database must be migrated and seeded. */
export async function seedLongThread(client: pg.Client): Promise<string> {
  const random = randomFrom(2023);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const html = await Promise.all(TEXTS.map((text) => renderMarkdown(text)));
  const { rows: threads } = await client.query("SELECT id FROM threads WHERE slug = $1", [LONG_THREAD_SLUG]);
  if (threads.length === 0) throw new Error(`The seeded question ${LONG_THREAD_SLUG} is missing: is the database seeded?`);
  const threadId: number = threads[0].id;

  await client.query("BEGIN");
  try {
    const members: number[] = [];
    for (let n = 0; n < MEMBER_COUNT; n += 1) {
      const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 5) % LAST_NAMES.length]}`;
      const { rows } = await client.query("INSERT INTO users (email, name, updated_at) VALUES ($1, $2, now()) RETURNING id", [`audit-${n}@example.test`, name]);
      members.push(rows[0].id);
    }
    // Stances first, as members take them before writing: each post then keeps its author's
    // position (a trigger), and the page shows the badges a real debate has.
    const positions = (await client.query<{ id: number }>("SELECT id FROM thread_positions WHERE thread_id = $1 ORDER BY ord", [threadId])).rows.map((row) => row.id);
    for (const member of members) {
      await client.query("INSERT INTO thread_stances (thread_id, user_id, position_id, updated_at) VALUES ($1, $2, $3, now())", [threadId, member, pick(positions)]);
    }
    const posts: SeededPost[] = [];
    const start = Date.now() - 30 * 24 * 3600_000;
    for (let n = 0; n < OPINION_COUNT + REPLY_COUNT; n += 1) {
      const parent = n < OPINION_COUNT ? null : pick(posts.filter((post) => post.depth < 3));
      const text = Math.floor(random() * TEXTS.length);
      const { rows } = await client.query(
        `INSERT INTO posts (thread_id, author_id, parent_id, root_id, depth, body, body_html, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [threadId, pick(members), parent?.id ?? null, parent ? (parent.rootId ?? parent.id) : null, parent ? parent.depth + 1 : 0, TEXTS[text], html[text], new Date(start + n * 3600_000)],
      );
      posts.push({ id: rows[0].id, depth: parent ? parent.depth + 1 : 0, rootId: parent ? (parent.rootId ?? parent.id) : null });
    }
    // Counters and ranks follow from the vote rows (triggers of the migrations).
    for (const post of posts) {
      for (const voter of new Set(Array.from({ length: VOTES_PER_POST }, () => pick(members)))) {
        await client.query(
          "INSERT INTO post_votes (post_id, user_id, value, created_at, updated_at) SELECT $1, $2, $3, now(), now() FROM posts WHERE id = $1 AND author_id <> $2",
          [post.id, voter, random() < 0.75 ? 1 : -1],
        );
      }
    }
    // The counters the app keeps in the transaction of each post.
    await client.query("UPDATE posts p SET reply_count = (SELECT count(*) FROM posts r WHERE r.parent_id = p.id) WHERE p.thread_id = $1", [threadId]);
    await client.query(
      "UPDATE threads SET post_count = (SELECT count(*) FROM posts WHERE thread_id = $1), last_activity_at = (SELECT max(created_at) FROM posts WHERE thread_id = $1) WHERE id = $1",
      [threadId],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return `/t/${LONG_THREAD_SLUG}`;
}
