// axe on every page in every role (issue 12): no violation of any impact, WCAG 2.2 AA and best
// practices, with one h1 and the landmarks each (expectAccessible); the reader's pages in both
// colour schemes, the other roles' in the light one (their pages differ by controls, not colours).
import { expectAccessible, signIn, test } from "./fixtures";
import { createPagesFixture, pagesFor, type Role, ROLES, visitorFor } from "./site-pages";

for (const [role, who] of Object.entries(ROLES) as [Role, string][]) {
  test(`every page is accessible to ${who}`, async ({ page, request }) => {
    test.slow();
    const fixture = await createPagesFixture(request);
    const visitor = await visitorFor(role, request);
    if (visitor) await signIn(page, visitor);
    for (const path of pagesFor(role, fixture)) await expectAccessible(page, path, role === "READER" ? ["light", "dark"] : ["light"]);
  });
}
