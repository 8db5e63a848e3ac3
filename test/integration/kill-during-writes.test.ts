// Reliability: a server killed with SIGKILL in the middle of 200 concurrent writes (votes,
// stances, posts and replies, through the real route handlers) leaves every stored counter equal
// to its rows, and no half-written row: each write is one transaction or nothing.
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { withClient } from "@/scripts/db/admin";
import { freePort } from "@/scripts/free-port";
import { checkCounters } from "@/scripts/bench/generate-data";
import { createMember } from "../support/session";

const CONCURRENT_WRITES = 200;
/** The server dies once this many writes (a reply among them) have been answered: the rest are in flight or queued. */
const KILL_AFTER_ANSWERS = 40;
const VOTERS = 20;
const ROOT_POSTS = 10;

const db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => db.$disconnect());

async function startRouteServer(port: number) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/support/route-server.ts"], {
    env: { ...process.env, PORT: String(port), RATE_LIMITS: "off", NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the route server exited with ${code}`)));
  });
  return child;
}

/** Rows a write could have left half done: replies out of line with their parent, posts never rendered. */
async function halfWrittenRows() {
  return withClient(process.env.DATABASE_URL!, async (client) => {
    const { rows } = await client.query(`
      SELECT count(*)::int AS n FROM posts c LEFT JOIN posts p ON p.id = c.parent_id
      WHERE c.body_html = '' OR (c.parent_id IS NOT NULL
        AND (c.depth <> p.depth + 1 OR c.thread_id <> p.thread_id OR c.root_id <> coalesce(p.root_id, p.id)))`);
    return rows[0].n as number;
  });
}

describe("a server killed with SIGKILL during 200 concurrent writes", () => {
  it("leaves every counter equal to its rows and no half-written row", { timeout: 120_000 }, async () => {
    const author = await createMember();
    // Members vote on the questions they proposed, and take a stance on the article's POSITION ones.
    const thread = await db.thread.create({
      data: { slug: `fil-sigkill-${process.pid}`, title: "Une question de membre ?", body: "Le contexte.", authorId: author.id },
    });
    const question = await db.thread.create({
      data: {
        slug: `question-sigkill-${process.pid}`, title: "Une question tranchée ?", body: "Le contexte.", kind: "POSITION",
        positions: { create: ["Oui", "Non", "Mitigé"].map((label, ord) => ({ ord, label, colour: "BLUE" as const })) },
      },
      include: { positions: { orderBy: { ord: "asc" } } },
    });
    const voters = await Promise.all(Array.from({ length: VOTERS }, () => createMember()));
    const port = await freePort();
    const server = await startRouteServer(port);
    const exited = new Promise((resolve) => server.once("exit", resolve));

    const send = (method: string, path: string, cookie: string, json: unknown) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(json) });
    const roots: number[] = [];
    for (let index = 0; index < ROOT_POSTS; index += 1) {
      const response = await send("POST", `/api/threads/${thread.id}/posts`, author.cookie, { body: `Avis ${index}` });
      expect(response.status).toBe(201);
      roots.push(((await response.json()) as { id: number }).id);
    }

    const stances = [...question.positions.map((position) => position.id), null];
    const write = (index: number) => {
      const voter = voters[index % VOTERS];
      const root = roots[index % ROOT_POSTS];
      switch (index % 4) {
        case 0: return send("PUT", `/api/posts/${root}/vote`, voter.cookie, { value: [1, -1, 0][index % 3] });
        case 1: return send("PUT", `/api/threads/${thread.id}/vote`, voter.cookie, { value: [1, -1, 0][index % 3] });
        case 2: return send("PUT", `/api/threads/${question.id}/stance`, voter.cookie, { positionId: stances[(index >> 2) % 4] });
        default: return send("POST", `/api/threads/${thread.id}/posts`, voter.cookie, { body: `Réponse ${index}`, parentId: root });
      }
    };
    let answered = 0;
    let repliesAnswered = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: CONCURRENT_WRITES }, async (_, index) => {
        const response = await write(index);
        answered += 1;
        if (response.status === 201) repliesAnswered += 1;
        // Posts are the slowest writes: the kill waits for one, so that the check covers them too.
        if (answered >= KILL_AFTER_ANSWERS && repliesAnswered > 0) server.kill("SIGKILL");
        return response.status;
      }),
    );
    await exited;

    const statuses = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    expect(statuses.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
    expect(statuses.length).toBeLessThan(CONCURRENT_WRITES);
    expect(statuses.every((status) => status === 200 || status === 201), String(statuses)).toBe(true);
    await withClient(process.env.DATABASE_URL!, async (client) => expect(await checkCounters(client)).toEqual({ postsOff: 0, threadsOff: 0 }));
    expect(await halfWrittenRows()).toBe(0);
    const stored = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(stored.postCount).toBeGreaterThan(ROOT_POSTS);
  });
});
