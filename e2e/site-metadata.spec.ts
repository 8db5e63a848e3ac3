// What browsers, search engines and link previews read of each page: a title of its own, a
// canonical address, OpenGraph, the icons and manifest, robots.txt and sitemap.xml.
import { createThread, setRoleInDatabase } from "./factories";
import { expect, signIn, test } from "./fixtures";
import { QUESTIONS } from "../prisma/seed/article";

const SITE = "Agora";

test("every page has a title of its own, ending with the site's name, the 404 pages included", async ({ page, member }) => {
  const titles: [string, string][] = [
    ["/", "Agora — le débat sur l’open source et Llama 2"],
    ["/article", `L’article · ${SITE}`],
    ["/a-propos", `À propos et règles du débat · ${SITE}`],
    ["/moderation/journal", `Journal public de la modération · ${SITE}`],
    ["/connexion", `Connexion · ${SITE}`],
    ["/inscription", `Inscription · ${SITE}`],
    [`/t/${QUESTIONS[0].slug}`, `${QUESTIONS[0].title} · ${SITE}`],
    [`/u/${member.id}`, `${member.name} · ${SITE}`],
    ["/cette-page-n-existe-pas", `Page introuvable · ${SITE}`],
    ["/t/ce-fil-n-existe-pas", `Fil introuvable · ${SITE}`],
    ["/u/2000000000", `Profil introuvable · ${SITE}`],
  ];
  for (const [path, title] of titles) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }

  // The pages behind a sign-in, seen by an admin (who may see them all).
  await setRoleInDatabase(member.id, "ADMIN");
  await signIn(page, member);
  const privateTitles: [string, string][] = [
    ["/compte", `Mon compte · ${SITE}`],
    ["/questions/nouvelle", `Proposer une question · ${SITE}`],
    ["/moderation", `Modération · ${SITE}`],
    ["/moderation/log", `Journal de modération · ${SITE}`],
    ["/admin/users", `Rôles · ${SITE}`],
  ];
  for (const [path, title] of privateTitles) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
  const all = [...titles, ...privateTitles].map(([, title]) => title);
  expect(new Set(all).size).toBe(all.length);
});

test("a thread names its canonical address (without sort or filter) and its OpenGraph card, in French", async ({ page, baseURL }) => {
  const thread = await createThread("Une question pour les métadonnées du test");
  await page.goto(`/t/${thread.slug}?sort=new`);
  const head = page.locator("head");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/t/${thread.slug}`);
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", `Une question pour les métadonnées du test · ${SITE}`);
  await expect(head.locator('meta[property="og:description"]')).toHaveAttribute("content", "Contexte.");
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "website");
  await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute("content", "fr_FR");
  await page.goto("/article");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/article`);
});

test("the icons and the web app manifest are served and named by every page", async ({ page, request }) => {
  await page.goto("/");
  const icon = await page.locator('head link[rel="icon"]').getAttribute("href");
  const appleIcon = await page.locator('head link[rel="apple-touch-icon"]').getAttribute("href");
  const manifestHref = await page.locator('head link[rel="manifest"]').getAttribute("href");
  const iconResponse = await request.get(icon!);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
  expect(await iconResponse.text()).toContain("<svg");
  const appleResponse = await request.get(appleIcon!);
  expect(appleResponse.headers()["content-type"]).toBe("image/png");
  expect((await appleResponse.body()).subarray(1, 4).toString()).toBe("PNG");

  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ short_name: SITE, lang: "fr", start_url: "/" });
  for (const { src } of manifest.icons) expect((await request.get(src)).status(), src).toBe(200);
});

test("robots.txt keeps crawlers out of the API and the private areas, and sitemap.xml lists the questions", async ({ request, baseURL }) => {
  const robots = await (await request.get("/robots.txt")).text();
  for (const line of ["Allow: /", "Allow: /moderation/journal", "Disallow: /api/", "Disallow: /compte", "Disallow: /moderation", "Disallow: /admin", `Sitemap: ${baseURL}/sitemap.xml`]) {
    expect(robots.split("\n")).toContain(line);
  }
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toContain("xml");
  const xml = await sitemap.text();
  for (const question of QUESTIONS) expect(xml).toContain(`<loc>${baseURL}/t/${question.slug}</loc>`);
  expect(xml).toContain(`<loc>${baseURL}/a-propos</loc>`);
});
