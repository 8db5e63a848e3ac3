// Votes, stances and reports are real forms: they work with JavaScript off (Post/Redirect/Get,
// checked on the page and in the database) and, with it, in place and accessibly.
import type { Browser, Page } from "@playwright/test";
import { createMemberViaApi, createPost, createThread } from "./factories";
import { withE2eDatabase } from "./database";
import { expect, expectAccessible, signIn, test } from "./fixtures";

type Member = Awaited<ReturnType<typeof createMemberViaApi>>;

const main = (page: Page) => page.getByRole("main");
const postOf = (page: Page, author: Member) => main(page).getByRole("article", { name: `Contribution de ${author.name}` });

/** A page with JavaScript off, signed in (through the sign-in page, with JavaScript, beforehand). */
async function signedInWithoutJs(browser: Browser, member: Member) {
  const withJs = await browser.newContext();
  await signIn(await withJs.newPage(), member);
  const storageState = await withJs.storageState();
  await withJs.close();
  return (await browser.newContext({ javaScriptEnabled: false, storageState })).newPage();
}

const postVoteOf = (postId: number, userId: number) =>
  withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ value: number }>("SELECT value FROM post_votes WHERE post_id = $1 AND user_id = $2", [postId, userId]);
    return rows[0]?.value ?? null;
  });

const stanceOf = (threadId: number, userId: number) =>
  withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ label: string }>(
      "SELECT p.label FROM thread_stances s JOIN thread_positions p ON p.id = s.position_id WHERE s.thread_id = $1 AND s.user_id = $2",
      [threadId, userId],
    );
    return rows[0]?.label ?? null;
  });

test.describe("without JavaScript", () => {
  test("a member votes for a post, changes the vote and withdraws it, back on the same page at the post", async ({ browser, member, request }) => {
    const thread = await createThread("Un fil pour voter sans JavaScript");
    const author = await createMemberViaApi(request, "sansjs");
    const postId = await createPost(author.id, thread.id, "Un argument à soutenir sans script");
    const page = await signedInWithoutJs(browser, member);
    await page.goto(`/t/${thread.slug}?sort=new`);
    const post = postOf(page, author);
    const name = (side: string, count: number) => `${side} ${count} — contribution de ${author.name}`;

    await post.getByRole("button", { name: name("Pour", 0) }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${thread.slug}\\?sort=new&notice=vote_saved#p-${postId}$`));
    await expect(main(page).getByRole("status")).toHaveText("Votre vote est enregistré.");
    await expect(post.getByRole("button", { name: name("Pour", 1) })).toHaveAttribute("aria-pressed", "true");
    expect(await postVoteOf(postId, member.id)).toBe(1);

    await post.getByRole("button", { name: name("Contre", 0) }).click();
    await expect(post.getByRole("button", { name: name("Contre", 1) })).toHaveAttribute("aria-pressed", "true");
    await expect(post.getByRole("button", { name: name("Pour", 0) })).toHaveAttribute("aria-pressed", "false");
    expect(await postVoteOf(postId, member.id)).toBe(-1);

    // The pressed button withdraws.
    await post.getByRole("button", { name: name("Contre", 1) }).click();
    await expect(main(page).getByRole("status")).toHaveText("Votre vote est retiré.");
    await expect(post.getByRole("button", { name: name("Contre", 0) })).toHaveAttribute("aria-pressed", "false");
    expect(await postVoteOf(postId, member.id)).toBeNull();
  });

  test("a member votes for a member's question", async ({ browser, member, request }) => {
    const thread = await createThread("Une question de membre votée sans JavaScript");
    const author = await createMemberViaApi(request, "question");
    await withE2eDatabase((db) => db.query("UPDATE threads SET author_id = $1 WHERE id = $2", [author.id, thread.id]));
    const page = await signedInWithoutJs(browser, member);
    await page.goto(`/t/${thread.slug}`);
    await main(page).getByRole("button", { name: `Pour 0 — question de ${author.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`notice=vote_saved#votes-thread-${thread.id}$`));
    await expect(main(page).getByRole("button", { name: `Pour 1 — question de ${author.name}` })).toHaveAttribute("aria-pressed", "true");
    const votes = await withE2eDatabase((db) => db.query("SELECT value FROM thread_votes WHERE thread_id = $1 AND user_id = $2", [thread.id, member.id]));
    expect(votes.rows).toEqual([{ value: 1 }]);
  });

  test("a signed-out reader's vote controls lead to sign in, back to the post", async ({ browser, request, baseURL }) => {
    const thread = await createThread("Un fil lu sans compte ni JavaScript");
    const author = await createMemberViaApi(request, "anonyme");
    const postId = await createPost(author.id, thread.id, "Un argument lu sans script");
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`/t/${thread.slug}`);
    await postOf(page, author).getByRole("button", { name: `Pour 0 — contribution de ${author.name}` }).click();
    await expect(page).toHaveURL(`${baseURL}/connexion?callbackUrl=${encodeURIComponent(`/t/${thread.slug}?sort=best#p-${postId}`)}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a member takes a stance with the radio group, then withdraws it", async ({ browser, member }) => {
    const thread = await createThread("Une question de position sans JavaScript", { kind: "POSITION" });
    const page = await signedInWithoutJs(browser, member);
    await page.goto(`/t/${thread.slug}`);
    const panel = main(page).getByRole("region", { name: /Les positions/ });
    const choice = panel.getByRole("group", { name: "Votre position" });
    await expect(choice.getByRole("radio", { name: "sans position" })).toBeChecked();

    await choice.getByRole("radio", { name: "Non", exact: true }).check();
    await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
    await expect(page).toHaveURL(/notice=stance_saved#positions$/);
    await expect(main(page).getByRole("status").first()).toHaveText("Votre position est enregistrée.");
    await expect(panel.getByRole("heading")).toHaveText("Les positions (1)");
    await expect(panel.getByRole("list", { name: "Décompte des positions" })).toContainText("Non : 1 (100 %)");
    await expect(choice.getByRole("radio", { name: "Non", exact: true })).toBeChecked();
    expect(await stanceOf(thread.id, member.id)).toBe("Non");

    await choice.getByRole("radio", { name: "sans position" }).check();
    await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
    await expect(main(page).getByRole("status").first()).toHaveText("Votre position est retirée.");
    await expect(panel.getByRole("heading")).toHaveText("Les positions (0)");
    expect(await stanceOf(thread.id, member.id)).toBeNull();
  });

  test("a member reports a post: the link opens the form below it, the thanks show there, a second report is refused in the form", async ({ browser, member, request }) => {
    const thread = await createThread("Un fil signalé sans JavaScript");
    const author = await createMemberViaApi(request, "signalesansjs");
    const postId = await createPost(author.id, thread.id, "Un message à signaler sans script");
    const page = await signedInWithoutJs(browser, member);
    await page.goto(`/t/${thread.slug}`);
    const post = postOf(page, author);
    await post.getByRole("link", { name: "Signaler" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?signaler=p-${postId}#signaler-p-${postId}$`));
    await post.getByLabel("Motif du signalement").selectOption("SPAM");
    await post.getByLabel("Précisions (facultatif)").fill("Publicité déguisée.");
    await post.getByRole("button", { name: "Envoyer le signalement" }).click();

    await expect(page).toHaveURL(/notice=report_sent/);
    await expect(post.getByRole("status")).toHaveText("Merci : la modération va examiner votre signalement.");
    const reports = await withE2eDatabase((db) =>
      db.query("SELECT reason::text, details FROM reports WHERE post_id = $1 AND reporter_id = $2", [postId, member.id]),
    );
    expect(reports.rows).toEqual([{ reason: "SPAM", details: "Publicité déguisée." }]);

    // The form again, from its link: the refusal is shown in it, with what was typed.
    await page.goto(`/t/${thread.slug}?signaler=p-${postId}`);
    await post.getByLabel("Précisions (facultatif)").fill("Encore.");
    await post.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(post.getByRole("alert")).toContainText("Vous avez déjà signalé ceci");
    await expect(post.getByLabel("Précisions (facultatif)")).toHaveValue("Encore.");
  });
});

test.describe("with JavaScript", () => {
  test("a vote updates in place, without a reload, and its accessible names follow the count", async ({ page, member, request }) => {
    const thread = await createThread("Un fil pour voter en place");
    const author = await createMemberViaApi(request, "enplace");
    const postId = await createPost(author.id, thread.id, "Un argument voté en place");
    await signIn(page, member);
    await page.goto(`/t/${thread.slug}`);
    // Lost if the page reloads.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const post = postOf(page, author);
    await post.getByRole("button", { name: `Pour 0 — contribution de ${author.name}` }).click();
    const up = post.getByRole("button", { name: `Pour 1 — contribution de ${author.name}` });
    await expect(up).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => postVoteOf(postId, member.id)).toBe(1);
    await post.getByRole("button", { name: `Contre 0 — contribution de ${author.name}` }).click();
    await expect(post.getByRole("button", { name: `Contre 1 — contribution de ${author.name}` })).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => postVoteOf(postId, member.id)).toBe(-1);
    await expect(post.getByRole("button", { name: `Pour 0 — contribution de ${author.name}` })).toHaveAttribute("aria-pressed", "false");
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    expect(page.url()).not.toContain("notice=");
  });

  test("a vote shows before the server answers", async ({ page, member, request }) => {
    const thread = await createThread("Un fil pour un vote optimiste");
    const author = await createMemberViaApi(request, "optimiste");
    const postId = await createPost(author.id, thread.id, "Un argument voté d’avance");
    await signIn(page, member);
    await page.goto(`/t/${thread.slug}`);
    // The form's request waits until the page has been checked.
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route(`**/t/${thread.slug}`, async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    const post = postOf(page, author);
    await post.getByRole("button", { name: `Pour 0 — contribution de ${author.name}` }).click();
    await expect(post.getByRole("button", { name: `Pour 1 — contribution de ${author.name}` })).toHaveAttribute("aria-pressed", "true");
    expect(await postVoteOf(postId, member.id)).toBeNull();
    answer();
    await expect.poll(() => postVoteOf(postId, member.id)).toBe(1);
    await expect(post.getByRole("button", { name: `Pour 1 — contribution de ${author.name}` })).toHaveAttribute("aria-pressed", "true");
  });

  test("a stance is saved in place and its new tally is announced", async ({ page, member }) => {
    const thread = await createThread("Une question de position en place", { kind: "POSITION" });
    await signIn(page, member);
    await page.goto(`/t/${thread.slug}`);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const panel = main(page).getByRole("region", { name: /Les positions/ });
    const choice = panel.getByRole("group", { name: "Votre position" });
    // An arrow key moves the choice and saves nothing.
    await choice.getByRole("radio", { name: "Oui", exact: true }).check();
    await page.keyboard.press("ArrowRight");
    await expect(choice.getByRole("radio", { name: "Non", exact: true })).toBeChecked();
    expect(await stanceOf(thread.id, member.id)).toBeNull();

    await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
    await expect(panel.getByRole("status")).toHaveText(
      "Votre position est enregistrée. Nouveau décompte — Oui : 0 (0 %), Non : 1 (100 %), C’est nuancé : 0 (0 %).",
    );
    await expect(panel.getByRole("heading")).toHaveText("Les positions (1)");
    expect(await stanceOf(thread.id, member.id)).toBe("Non");
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  });

  test("a stance the server refuses shows why and keeps the tally", async ({ page, member }) => {
    const thread = await createThread("Une question de position refusée", { kind: "POSITION" });
    await signIn(page, member);
    await page.goto(`/t/${thread.slug}`);
    await withE2eDatabase((db) => db.query("UPDATE users SET suspended_at = now() WHERE id = $1", [member.id]));
    const panel = main(page).getByRole("region", { name: /Les positions/ });
    await panel.getByRole("radio", { name: "C’est nuancé" }).check();
    await panel.getByRole("button", { name: "Enregistrer ma position" }).click();
    await expect(panel.getByRole("alert")).toContainText("suspendu");
    await expect(panel.getByRole("alert")).toBeFocused();
    await expect(panel.getByRole("heading")).toHaveText("Les positions (0)");
    expect(await stanceOf(thread.id, member.id)).toBeNull();
  });

  test("the report form opens below the post's actions with the focus in it, and the thanks take the focus", async ({ page, member, request }) => {
    const thread = await createThread("Un fil signalé au clavier");
    const author = await createMemberViaApi(request, "signaleclavier");
    const postId = await createPost(author.id, thread.id, "Un message signalé au clavier");
    await signIn(page, member);
    await page.goto(`/t/${thread.slug}`);
    const post = postOf(page, author);
    const toggle = post.getByRole("link", { name: "Signaler" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const reason = post.getByLabel("Motif du signalement");
    await expect(reason).toBeFocused();
    // Below the row of actions (the vote buttons are in it), not inside it.
    const row = (await post.getByRole("button", { name: /^Pour \d+/ }).boundingBox())!;
    expect((await reason.boundingBox())!.y).toBeGreaterThan(row.y + row.height);

    // Cancel gives the focus back to the toggle.
    await post.getByRole("link", { name: "Annuler" }).click();
    await expect(reason).toHaveCount(0);
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");

    await toggle.click();
    await reason.selectOption("OFF_TOPIC");
    await post.getByRole("button", { name: "Envoyer le signalement" }).click();
    const thanks = post.getByRole("status");
    await expect(thanks).toHaveText("Merci : la modération va examiner votre signalement.");
    await expect(thanks).toBeFocused();
    const reports = await withE2eDatabase((db) => db.query("SELECT reason::text FROM reports WHERE post_id = $1 AND reporter_id = $2", [postId, member.id]));
    expect(reports.rows).toEqual([{ reason: "OFF_TOPIC" }]);
  });

  test("a thread page with vote, stance and report forms, open or not, passes axe", async ({ page, member, request }) => {
    const thread = await createThread("Une question de position pour axe", { kind: "POSITION" });
    const author = await createMemberViaApi(request, "axe");
    const postId = await createPost(author.id, thread.id, "Un argument pour axe");
    await expectAccessible(page, `/t/${thread.slug}`);
    await signIn(page, member);
    await expectAccessible(page, `/t/${thread.slug}`);
    await expect(main(page).getByRole("group", { name: "Votre position" })).toBeVisible();
    await expectAccessible(page, `/t/${thread.slug}?signaler=p-${postId}`);
    await expect(main(page).getByLabel("Motif du signalement")).toBeVisible();
  });
});
