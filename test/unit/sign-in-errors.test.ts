import { describe, expect, it } from "vitest";
import { SIGN_IN_LOCKED, signInErrorMessage } from "@/lib/sign-in-errors";

const GENERIC = "La connexion a échoué. Réessayez.";

describe("signInErrorMessage", () => {
  it("words the known codes in French", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("E-mail ou mot de passe incorrect.");
    expect(signInErrorMessage(SIGN_IN_LOCKED)).toMatch(/^Trop de tentatives de connexion\. .*réessayez\.$/);
    expect(signInErrorMessage("GithubEmailTaken")).toContain("connectez-vous avec votre mot de passe");
  });

  it.each([
    "Votre compte est bloqué : appelez le 01 23 45 67 89 ou écrivez à support@evil.example",
    "Trop de tentatives de connexion pour ce compte. Réessayez dans quelques minutes.",
    "<img src=x onerror=alert(1)>",
    "credentialssignin",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
    "",
    "x".repeat(100_000),
  ])("never shows the text it was given, only the generic message: %j", (text) => {
    expect(signInErrorMessage(text)).toBe(GENERIC);
  });

  it("gives the generic message for a repeated parameter (an array), even of known codes", () => {
    expect(signInErrorMessage(["CredentialsSignin", "<b>texte</b>"])).toBe(GENERIC);
  });
});
