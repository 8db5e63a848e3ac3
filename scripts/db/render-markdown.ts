// Stores the HTML of Markdown that has none yet (rows written before their table kept HTML),
// through the same bounded renderer as every write; run by the launcher after migrating.
// The table markdown_renderer records which version of the pipeline (RENDERER_VERSION) made the
// stored HTML: when the code's version differs (or none is recorded), everything is re-rendered,
// so that a change of the pipeline reaches the texts written before it at the next start.
// `npm run db:render` re-renders everything whatever the version (after a change of the sanitiser).
// A source that cannot be rendered keeps what it had (null: the page shows a placeholder) and is
// named in the log; the walk goes on past it.
import pg from "pg";
import { RENDERER_VERSION } from "../../lib/markdown/renderer-version.mjs";
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

async function storedRendererVersion(client: pg.Client) {
  const { rows } = await client.query<{ version: number }>("SELECT version FROM markdown_renderer");
  return rows[0]?.version ?? null;
}

/**
 * Recorded even when some sources failed: they keep what they had (and are named in the log),
 * rather than having every text re-rendered at each start.
 */
async function recordRendererVersion(client: pg.Client) {
  await client.query(
    "INSERT INTO markdown_renderer (id, version, rendered_at) VALUES (true, $1, now()) ON CONFLICT (id) DO UPDATE SET version = $1, rendered_at = now()",
    [RENDERER_VERSION],
  );
}

/**
 * Renders what lacks HTML, or everything with `all` or when the stored HTML comes from another
 * version of the pipeline; returns what it did.
 */
export async function renderStoredMarkdown(url: string, { all = false } = {}): Promise<Outcome> {
  const renderer = new MarkdownRenderer();
  const outcome: Outcome = { rendered: 0, failed: [] };
  try {
    await withClient(url, async (client) => {
      const stored = await storedRendererVersion(client);
      const everything = all || stored !== RENDERER_VERSION;
      if (!all && stored !== null && everything) console.log(`The stored HTML comes from version ${stored} of the Markdown pipeline: re-rendering it with version ${RENDERER_VERSION}.`);
      for (const table of everything ? TABLES : TABLES_WITH_PENDING_HTML) await renderTable(client, renderer, table, everything, outcome);
      await recordRendererVersion(client);
    });
  } finally {
    await renderer.close();
  }
  if (outcome.rendered) console.log(`Rendered the Markdown of ${outcome.rendered} rows.`);
  for (const failure of outcome.failed) console.warn(`Could not render ${failure}`);
  return outcome;
}
