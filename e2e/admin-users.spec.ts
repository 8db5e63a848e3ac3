import { withE2eDatabase } from "./database";
import { createMemberViaApi, setRole } from "./factories";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const roleOf = (id: number) => withE2eDatabase(async (db) => (await db.query("SELECT role FROM users WHERE id = $1", [id])).rows[0].role as string);

test("an admin changes a role with the keyboard: arrow keys save nothing, « Enregistrer » asks, « Confirmer » saves", async ({ page, request }) => {
  const admin = await createMemberViaApi(request, "admin");
  const member = await createMemberViaApi(request, "promu");
  setRole(admin.email, "ADMIN");
  await signIn(page, admin);
  await page.goto(`/admin/users?q=${encodeURIComponent(member.email)}`);
  const role = page.getByLabel(`Rôle de ${member.name}`);

  await role.focus();
  await page.keyboard.press("ArrowDown");
  await expect(role).toHaveValue("MODERATOR");
  await page.waitForLoadState("networkidle");
  expect(await roleOf(member.id)).toBe("MEMBER");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Enregistrer le rôle de ${member.name}` })).toBeFocused();
  await page.keyboard.press("Enter");
  const question = page.getByRole("group", { name: `Confirmer le rôle de ${member.name}` });
  await expect(question).toContainText(`Passer ${member.name} de membre à modérateur ? Cette personne pourra masquer des contributions`);
  await expect(question.getByText(/^Passer/)).toBeFocused();
  expect(await roleOf(member.id)).toBe("MEMBER");

  // Cancelled, nothing changes; confirmed, the role is saved.
  await question.getByRole("link", { name: "Annuler" }).click();
  await expect(question).toHaveCount(0);
  expect(await roleOf(member.id)).toBe("MEMBER");
  await expect(role).toHaveValue("MEMBER");
  await role.selectOption("MODERATOR");
  await page.getByRole("button", { name: `Enregistrer le rôle de ${member.name}` }).click();
  await question.getByRole("button", { name: "Confirmer : modérateur" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le rôle est enregistré." })).toBeVisible();
  await expect(page.getByLabel(`Rôle de ${member.name}`)).toHaveValue("MODERATOR");
  expect(await roleOf(member.id)).toBe("MODERATOR");
});

test("without JavaScript, a role change and a suspension each ask, then apply", async ({ browser, page, request }) => {
  const admin = await createMemberViaApi(request, "admin-sans-js");
  const member = await createMemberViaApi(request, "sans-js");
  setRole(admin.email, "ADMIN");
  await signIn(page, admin);
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();

  await noScript.goto(`/admin/users?q=${encodeURIComponent(member.email)}`);
  await noScript.getByLabel(`Rôle de ${member.name}`).selectOption("ADMIN");
  await noScript.getByRole("button", { name: `Enregistrer le rôle de ${member.name}` }).click();
  const question = noScript.getByRole("group", { name: `Confirmer le rôle de ${member.name}` });
  await expect(question).toContainText(`Passer ${member.name} de membre à administrateur ?`);
  expect(await roleOf(member.id)).toBe("MEMBER");
  await question.getByRole("button", { name: "Confirmer : administrateur" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "Le rôle est enregistré." })).toBeVisible();
  expect(await roleOf(member.id)).toBe("ADMIN");
  setRole(member.email, "MEMBER");

  await noScript.goto(`/u/${member.id}`);
  const tools = noScript.getByRole("group", { name: "Modération du membre" });
  await tools.getByRole("link", { name: `Suspendre ${member.name}` }).click();
  await expect(tools).toContainText("ses sessions en cours seront fermées");
  await tools.getByRole("button", { name: "Confirmer la suspension" }).click();
  await expect(tools.getByRole("alert")).toContainText("Le formulaire contient des erreurs");
  await tools.getByLabel("Raison").fill("Trois avertissements");
  await tools.getByRole("button", { name: "Confirmer la suspension" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "Le membre est suspendu" })).toBeVisible();
  const suspendedAt = await withE2eDatabase(async (db) => (await db.query("SELECT suspended_at FROM users WHERE id = $1", [member.id])).rows[0].suspended_at);
  expect(suspendedAt).not.toBeNull();
  await tools.getByRole("button", { name: "Lever la suspension" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "La suspension est levée." })).toBeVisible();
});

test("the roles page is readable on a 390 px phone: the table fits the screen, each member a card, accessible", async ({ page, request }) => {
  const admin = await createMemberViaApi(request, "admin-mobile");
  const member = await createMemberViaApi(request, "membre-mobile");
  setRole(admin.email, "ADMIN");
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, admin);
  await expectAccessible(page, "/admin/users");
  await page.goto(`/admin/users?q=${encodeURIComponent(member.email)}`);
  const table = page.getByRole("table");
  expect(await table.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  expect(await table.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const row = page.getByRole("row").filter({ hasText: member.email });
  await expect(row.getByText(member.email)).toBeInViewport();
  await expect(row.getByLabel(`Rôle de ${member.name}`)).toBeInViewport();
  await expect(row.getByRole("button", { name: `Enregistrer le rôle de ${member.name}` })).toBeInViewport();
});
