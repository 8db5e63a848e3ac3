// The codes a failed sign-in comes back with, in ?error= or in signIn()'s result, and what the
// reader is told. Only these messages are ever shown: the query string is anyone's to write, so
// its text must never reach the page.

/** Thrown by authorize() when a rate limit refuses the attempt; next-auth passes it on as the code. */
export const SIGN_IN_LOCKED = "SignInLocked";

const GITHUB_FAILED = "La connexion avec GitHub a échoué. Réessayez.";

const MESSAGES = new Map<string, string>([
  ["CredentialsSignin", "E-mail ou mot de passe incorrect."],
  [SIGN_IN_LOCKED, "Trop de tentatives de connexion. Patientez quelques minutes, puis réessayez."],
  ["GithubEmailTaken", "Un compte existe déjà avec l’adresse de ce compte GitHub : connectez-vous avec votre mot de passe."],
  ["OAuthSignin", GITHUB_FAILED],
  ["OAuthCallback", GITHUB_FAILED],
  ["SessionRequired", "Connectez-vous pour continuer."],
]);

const FALLBACK = "La connexion a échoué. Réessayez.";

/** The message for a sign-in error code; any other value (text, a repeated parameter) gets the generic one. */
export function signInErrorMessage(code: unknown) {
  return (typeof code === "string" && MESSAGES.get(code)) || FALLBACK;
}
