import { withE2eDatabase } from "./database";
import { createMemberViaApi, setRole } from "./factories";
import { expect, signIn, test } from "./fixtures";

test("the moderation log reads as sentences, filters by moderator name and pages by links, without JavaScript", async ({ browser, page, request }) => {
  const [ana, bob, member] = [await createMemberViaApi(request, "ana"), await createMemberViaApi(request, "bob"), await createMemberViaApi(request, "cible")];
  setRole(ana.email, "MODERATOR");
  setRole(bob.email, "MODERATOR");
  // Ana appoints, then suspends; Bob lifts the suspension (oldest first).
  await withE2eDatabase(async (db) => {
    const log = (actorId: number, action: string, before: object | null, after: object | null, reason: string | null, minutesAgo: number) =>
      db.query(
        `INSERT INTO moderation_log (actor_id, action, target_type, target_user_id, before, after, reason, created_at)
         VALUES ($1, $2, 'USER', $3, $4, $5, $6, now() - make_interval(mins => $7))`,
        [actorId, action, member.id, before && JSON.stringify(before), after && JSON.stringify(after), reason, minutesAgo],
      );
    await log(ana.id, "CHANGE_ROLE", { role: "MEMBER" }, { role: "MODERATOR" }, null, 3);
    await log(ana.id, "SUSPEND_USER", null, { until: null }, "Spam répété", 2);
    await log(bob.id, "UNSUSPEND_USER", { until: null }, null, null, 1);
  });

  await signIn(page, ana);
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await noScript.goto("/moderation/log");
  await noScript.getByLabel("Modérateur").selectOption({ label: ana.name });
  await noScript.getByRole("button", { name: "Filtrer" }).click();
  await expect(noScript).toHaveURL(new RegExp(`[?&]actorId=${ana.id}(&|$)`));
  const entries = noScript.getByRole("main").getByRole("listitem");
  await expect(entries).toHaveText([
    new RegExp(`${ana.name} a suspendu ${member.name} sans date de fin : « Spam répété »\\.`),
    new RegExp(`${ana.name} a changé le rôle de ${member.name} : membre → modérateur\\.`),
  ]);
  await expect(noScript.getByRole("main")).not.toContainText("{");
  await expect(noScript.getByLabel("Modérateur")).toHaveValue(String(ana.id));

  // One action a page: the links keep the filter.
  await noScript.goto(`/moderation/log?actorId=${ana.id}&limit=1`);
  await expect(entries).toHaveText([/a suspendu/]);
  await noScript.getByRole("link", { name: "Actions plus anciennes" }).click();
  await expect(entries).toHaveText([/a changé le rôle/]);
  await noScript.getByRole("link", { name: "Revenir aux plus récentes" }).click();
  await expect(entries).toHaveText([/a suspendu/]);

  await noScript.getByLabel("Modérateur").selectOption({ label: bob.name });
  await noScript.getByRole("button", { name: "Filtrer" }).click();
  await expect(entries).toHaveText([new RegExp(`${bob.name} a levé la suspension de ${member.name} \\(prévue sans date de fin\\)\\.`)]);
});
