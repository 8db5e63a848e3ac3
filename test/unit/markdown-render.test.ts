import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MarkdownRenderer } from "@/lib/markdown/render";

// "a\n=\n" repeated: micromark's setext headings cost superlinear time, seconds at 5,000.
const SLOW = "a\n=\n".repeat(5_000);

const renderers: MarkdownRenderer[] = [];
const renderer = (options: ConstructorParameters<typeof MarkdownRenderer>[0] = {}) => {
  const created = new MarkdownRenderer(options);
  renderers.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((created) => created.close()));
});

async function refusal(render: Promise<string>) {
  const error = await render.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("MarkdownRenderer", () => {
  it("refuses a render that outlives its time bound, with a 400 naming it, and renders the next one", async () => {
    const bounded = renderer({ timeoutMs: 300 });
    const error = await refusal(bounded.render(SLOW));
    expect(error.status).toBe(400);
    expect(error.message).toContain("plus de 0.3 s de calcul");
    expect(error.details?.issues).toEqual([{ path: "body", message: error.message }]);
    expect(await bounded.render("Encore **là**.")).toBe("<p>Encore <strong>là</strong>.</p>");
  });

  it("renders off the main thread: timers fire while a long render runs", async () => {
    const bounded = renderer({ timeoutMs: 60_000 });
    await bounded.render("Prêt.");
    let isSettled = false;
    const slow = bounded.render(SLOW).finally(() => (isSettled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isSettled).toBe(false);
    const refused = expect(slow).rejects.toThrow("closed");
    await bounded.close();
    await refused;
  });

  it("renders queued sources in turn, each to its own HTML", async () => {
    const bounded = renderer();
    const sources = Array.from({ length: 20 }, (_, index) => `Avis n° **${index}**`);
    expect(await Promise.all(sources.map((source) => bounded.render(source)))).toEqual(sources.map((_, index) => `<p>Avis n° <strong>${index}</strong></p>`));
  });

  it("refuses sources beyond the nesting limit before they reach the worker", async () => {
    const error = await refusal(renderer({ timeoutMs: 1 }).render("> ".repeat(9_999)));
    expect(error.message).toContain("niveaux au plus");
  });

  it("answers 503 rather than queueing without end", async () => {
    const bounded = renderer({ maxQueued: 2 });
    const queued = [bounded.render("un"), bounded.render("deux")];
    const error = await refusal(bounded.render("trois"));
    expect(error.status).toBe(503);
    expect(await Promise.all(queued)).toEqual(["<p>un</p>", "<p>deux</p>"]);
  });

  it("refuses a render that runs out of the worker's memory, and renders the next one", async () => {
    const bounded = renderer({ heapMb: 16, timeoutMs: 60_000 });
    // A table of 4,800 cells (10 kB): its syntax trees outgrow 16 MB (the real bound is 64).
    const table = `${"|a".repeat(40)}|\n${"|-".repeat(40)}|\n${`${"|x".repeat(40)}|\n`.repeat(120)}`;
    const error = await refusal(bounded.render(table));
    expect(error.message).toContain("Mo de mémoire");
    expect(await bounded.render("Encore **là**.")).toBe("<p>Encore <strong>là</strong>.</p>");
  });
});
