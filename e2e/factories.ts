// Each test's own data, with unique names, so tests never depend on each other.
import type { APIRequestContext } from "@playwright/test";

let sequence = 0;

export function newMemberData(label = "membre") {
  sequence += 1;
  const unique = `${Date.now().toString(36)}${process.pid}${sequence}`;
  return { email: `${label}-${unique}@example.test`, name: `${label} ${unique}`.slice(0, 40), password: `mot de passe ${unique}` };
}

/** A member created through the public API, as the sign-up page does. */
export async function createMemberViaApi(request: APIRequestContext, label?: string) {
  const member = newMemberData(label);
  const response = await request.post("/api/users", { data: member });
  if (response.status() !== 201) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  return { ...member, id: (await response.json()).id as number };
}
