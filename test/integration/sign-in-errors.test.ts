import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { SIGN_IN_LOCKED } from "@/lib/sign-in-errors";
import { ORIGIN } from "../support/http";
import { nextAuthBrowser } from "../support/next-auth";

// Whatever rule locks sign-in out, its refusal reaches authorize() as this error.
const { authenticate } = vi.hoisted(() => ({ authenticate: vi.fn() }));
vi.mock("@/lib/users", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/users")>()), authenticate }));

beforeAll(() => void vi.stubEnv("NEXTAUTH_URL", ORIGIN));
afterAll(() => void vi.unstubAllEnvs());

const errorOf = (url: string) => new URL(url).searchParams.get("error");

describe("a refused sign-in (POST /api/auth/callback/credentials)", () => {
  it("comes back as the code SignInLocked when a rate limit refuses it, never as the limit's own text", async () => {
    authenticate.mockRejectedValueOnce(new AppError("rate_limited", "Trop de tentatives de connexion pour ce compte. Réessayez dans quelques minutes."));
    const { url } = await nextAuthBrowser().signIn("ana@example.test", "un mot de passe");
    expect(errorOf(url)).toBe(SIGN_IN_LOCKED);
  });

  it("comes back as CredentialsSignin for a wrong password", async () => {
    authenticate.mockResolvedValueOnce(null);
    const { url } = await nextAuthBrowser().signIn("ana@example.test", "un mot de passe");
    expect(errorOf(url)).toBe("CredentialsSignin");
  });
});
