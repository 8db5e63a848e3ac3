// `npm run screenshots`: the README's pictures, taken from the production build on the audit's
// database (the seeded article and a thread of 120 contributions): the home page, a thread and
// the composer open with a text and its preview, each 1280 px wide (desktop) and 390 px wide
// (mobile), into docs/screenshots/. Re-run it whenever the interface changes, and commit the PNGs.
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/chromium";
import { startProductionSite, type ProductionSite } from "./audit/production-site";

const OUTPUT_DIR = "docs/screenshots";
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
};
const MEMBER = { email: "capture@example.test", name: "Élise Garnier", password: "un mot de passe pour les captures" };
const DRAFT = "Je rejoins Sofia : sans les **données d’entraînement**, on ne peut ni vérifier ni reproduire le modèle.\n\n> Notre approche open source favorise la transparence.\n\nLa transparence commence par le corpus.";

type Shot = { name: string; take(page: Page, site: ProductionSite): Promise<void> };

const SHOTS: Shot[] = [
  { name: "home", take: async (page, site) => void (await page.goto(site.origin)) },
  {
    name: "thread",
    take: async (page, site) => {
      await page.goto(site.origin + site.longThreadPath);
      // The contributions, from their section's heading and sorts down.
      await page.getByRole("article").first().evaluate((post) => (post.closest("section") ?? post).scrollIntoView());
    },
  },
  {
    name: "composer",
    take: async (page, site) => {
      await signIn(page, site);
      await page.goto(site.origin + site.longThreadPath);
      const composer = page.getByLabel(/Votre contribution/);
      await composer.fill(DRAFT);
      await page.getByRole("region", { name: "Aperçu" }).getByText("La transparence commence par le corpus.").waitFor();
      await composer.evaluate((field) => field.closest("form")!.scrollIntoView({ block: "center" }));
    },
  },
];

/** The member of the composer's picture: signed up once per run (the database is fresh), then signed in. */
async function signIn(page: Page, site: ProductionSite) {
  const signUp = await page.request.post(`${site.origin}/api/users`, { data: MEMBER });
  if (![201, 409].includes(signUp.status())) throw new Error(`Sign-up failed: ${signUp.status()} ${await signUp.text()}`);
  await page.goto(`${site.origin}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(MEMBER.email);
  await page.getByLabel("Mot de passe").fill(MEMBER.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // On a phone the header keeps it in its closed « Compte » menu: present, not shown.
  await page.getByRole("button", { name: "Se déconnecter", includeHidden: true }).first().waitFor({ state: "attached" });
}

async function takeAll(browser: Browser, site: ProductionSite) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const shot of SHOTS) {
      const context = await browser.newContext({ viewport, locale: "fr-FR", colorScheme: "light", isMobile: device === "mobile" });
      const page = await context.newPage();
      try {
        await shot.take(page, site);
        await page.waitForLoadState("networkidle");
        const file = path.join(OUTPUT_DIR, `${shot.name}-${device}.png`);
        await page.screenshot({ path: file });
        console.log(`Wrote ${file}`);
      } finally {
        await context.close();
      }
    }
  }
}

async function main() {
  const site = await startProductionSite({ forceBuild: process.argv.includes("--build") });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    await takeAll(browser, site);
  } finally {
    await browser.close();
    await site.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
