// Stores the HTML of Markdown that has none yet (rows written before their table kept HTML),
// through the same bounded renderer as every write; run by the launcher after migrating.
// `npm run db:render` re-renders everything (after a change of the pipeline or its sanitiser).
// A source that cannot be rendered keeps what it had (null: the page shows a placeholder) and is
// named in the log; the walk goes on past it.
import pg from "pg";
import { MarkdownRenderer } from "../../lib/markdown/render";
import { withClient } from "./admin";

const TABLES = ["articles", "threads", "post_revisions", "posts"] as const;
/** posts.body_html has been written with every post since the first migration. */
const TABLES_WITH_PENDING_HTML = TABLES.filter((table) => table !== "posts");
const BATCH_ROWS = 100;

type Outcome = { rendered: number; failed: string[] };

async function renderTable(client: pg.Client, renderer: MarkdownRenderer, table: (typeof TABLES)[number], all: boolean, outcome: Outcome) {
  const pending = all ? "" : "body_html IS NULL AND";
  for (let lastId = 0; ; ) {
    const { rows } = await client.query<{ id: number; body: string }>(
      `SELECT id, body FROM ${table} WHERE ${pending} id > $1 ORDER BY id LIMIT ${BATCH_ROWS}`,
      [lastId],
    );
    if (rows.length === 0) return;
    for (const { id, body } of rows) {
      try {
        const html = await renderer.render(body);
        // An edit made meanwhile has stored its own HTML: leave it.
        await client.query(`UPDATE ${table} SET body_html = $1 WHERE id = $2 AND body = $3`, [html, id, body]);
        outcome.rendered += 1;
      } catch (error) {
        outcome.failed.push(`${table} ${id}: ${(error as Error).message}`);
      }
    }
    lastId = rows.at(-1)!.id;
  }
}

/** Renders what lacks HTML (or, with `all`, everything); returns what it did. */
export async function renderStoredMarkdown(url: string, { all = false } = {}): Promise<Outcome> {
  const renderer = new MarkdownRenderer();
  const outcome: Outcome = { rendered: 0, failed: [] };
  try {
    await withClient(url, async (client) => {
      for (const table of all ? TABLES : TABLES_WITH_PENDING_HTML) await renderTable(client, renderer, table, all, outcome);
    });
  } finally {
    await renderer.close();
  }
  if (outcome.rendered) console.log(`Rendered the Markdown of ${outcome.rendered} rows.`);
  for (const failure of outcome.failed) console.warn(`Could not render ${failure}`);
  return outcome;
}
