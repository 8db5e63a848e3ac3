// Proposing a question: an open one, or a prise de position with the positions its author writes.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, pageWithoutJavaScript, signIn, test } from "./fixtures";

const main = (page: Page) => page.getByRole("main");
const stancePanel = (page: Page) => main(page).getByRole("region", { name: /Les positions/ });

test("with JavaScript, a prise de position shows its rows, refuses a duplicate on its field, and opens with its own positions", async ({ page, member }) => {
  await signIn(page, member);
  await page.goto("/questions/nouvelle");
  const rows = main(page).getByRole("group", { name: "Les positions (prise de position)" });
  await expect(rows).toBeHidden();
  await main(page).getByRole("radio", { name: /Prise de position/ }).check();
  await expect(rows).toBeVisible();
  const title = `Faut-il publier les données d’entraînement ? ${member.name}`;
  await main(page).getByLabel("Votre question").fill(title);
  await main(page).getByLabel("Le contexte de la question (Markdown)").fill("Sans les données, peut-on parler d’open source ?");
  await rows.getByLabel("Position 1", { exact: true }).fill("Oui, toutes");
  await rows.getByLabel("Description de la position 1 (facultative)").fill("Les données font partie du code source.");
  await rows.getByLabel("Position 2", { exact: true }).fill("OUI, TOUTES");
  await rows.getByLabel("Couleur 2").selectOption({ label: "vermillon" });
  await main(page).getByRole("button", { name: "Proposer la question" }).click();

  const summary = main(page).getByRole("alert");
  await expect(summary).toContainText("Deux positions ne peuvent pas porter le même nom.");
  await expect(rows.getByLabel("Position 2", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there.
  await expect(main(page).getByLabel("Votre question")).toHaveValue(title);
  await expect(rows.getByLabel("Couleur 2")).toHaveValue("VERMILION");
  await summary.getByRole("link", { name: "Deux positions ne peuvent pas porter le même nom." }).click();
  await expect(rows.getByLabel("Position 2", { exact: true })).toBeFocused();
  await rows.getByLabel("Position 2", { exact: true }).fill("Non, les poids suffisent");
  await rows.getByLabel("Position 3", { exact: true }).fill("Une partie");
  await main(page).getByRole("button", { name: "Proposer la question" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const panel = stancePanel(page);
  await expect(panel.getByRole("radio")).toHaveCount(4);
  await expect(panel.getByRole("radio", { name: "Oui, toutes", exact: true })).toHaveAccessibleDescription("— Les données font partie du code source.");
  await expect(panel.getByRole("radio", { name: "Non, les poids suffisent", exact: true })).toBeVisible();
  await expect(panel.getByRole("radio", { name: "Une partie", exact: true })).toBeVisible();
  await expectAccessible(page, "/questions/nouvelle");
});

test("without JavaScript, every row is there; rows under an open question are refused, not dropped; blank rows at the end are ignored", async ({ browser, member }) => {
  const page = await pageWithoutJavaScript(browser, member);
  await page.goto("/questions/nouvelle");
  const rows = main(page).getByRole("group", { name: "Les positions (prise de position)" });
  await expect(rows).toBeVisible();
  const title = `Llama 2 est-il un logiciel libre ? ${member.name}`;
  await main(page).getByLabel("Votre question").fill(title);
  await main(page).getByLabel("Le contexte de la question (Markdown)").fill("La FSF a ses critères.");
  await rows.getByLabel("Position 1", { exact: true }).fill("Oui");
  await rows.getByLabel("Position 2", { exact: true }).fill("Non");
  await main(page).getByRole("button", { name: "Proposer la question" }).click();

  await expect(main(page).getByRole("alert")).toContainText("Une question ouverte n’offre pas de positions");
  await expect(rows.getByLabel("Position 2", { exact: true })).toHaveValue("Non");
  await main(page).getByRole("radio", { name: /Prise de position/ }).check();
  await main(page).getByRole("button", { name: "Proposer la question" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status").first()).toHaveText("Votre question est publiée.");
  await expect(stancePanel(page).getByRole("radio")).toHaveCount(3);
});
