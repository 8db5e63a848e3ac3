import { z } from "zod";
import { createdAtCursorKey, cursorParam, idParams } from "./pagination";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const NAME_MIN = 2;
export const NAME_MAX = 40;

export const ROLES = ["MEMBER", "MODERATOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { MEMBER: "Membre", MODERATOR: "Modérateur", ADMIN: "Administrateur" };

/** Emails compare as NFKC, trimmed, lower case: "Ana@Example.org " and "ana@example.org" are one account. */
export function normalizeEmail(email: string) {
  return email.normalize("NFKC").trim().toLowerCase();
}

export const emailField = z
  .string({ error: "Indiquez votre adresse e-mail." })
  .transform(normalizeEmail)
  .pipe(z.email({ error: "Cette adresse e-mail n’est pas valide." }).max(254, { error: "Adresse e-mail trop longue." }));

export const passwordField = z
  .string({ error: "Indiquez un mot de passe." })
  .min(PASSWORD_MIN, { error: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.` })
  .max(PASSWORD_MAX, { error: `Le mot de passe doit compter au plus ${PASSWORD_MAX} caractères.` });

export const nameField = z
  .string({ error: "Indiquez un nom affiché." })
  .transform((name) => name.normalize("NFKC").trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(NAME_MIN, { error: `Le nom affiché doit compter au moins ${NAME_MIN} caractères.` })
      .max(NAME_MAX, { error: `Le nom affiché doit compter au plus ${NAME_MAX} caractères.` }),
  );

export const signUpSchema = z.object({ email: emailField, name: nameField, password: passwordField });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  // Any length is checked against the hash: a rule change must not lock old accounts out.
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, { error: "Indiquez votre mot de passe." }).max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Indiquez votre mot de passe actuel." }).min(1, { error: "Indiquez votre mot de passe actuel." }).max(1024),
  newPassword: passwordField,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const userIdParams = idParams;

/** Posts per page of a profile. */
export const PROFILE_PAGE_SIZE = 20;

/** A profile's posts continue, newest first, after the last one shown. */
export const profilePostsQuery = z.object({ cursor: cursorParam(createdAtCursorKey).optional() });
export type ProfilePostsQuery = z.infer<typeof profilePostsQuery>;

/** Longer callback paths are refused: nothing on this site needs one, and they bloat the redirect. */
export const CALLBACK_PATH_MAX_LENGTH = 2048;
const CALLBACK_BASE = "http://agora.invalid";
// Browsers drop tabs and newlines from URLs and read a backslash as a slash: "/\t/evil" is "//evil".
const AMBIGUOUS_IN_URL = /[\\\u0000-\u001f\u007f]/;

/**
 * Where to go after signing in: only a path on this site ("/t/x?sort=new"), never another
 * origin, which would make the sign-in page an open redirect. The path is judged after the URL
 * parser has normalised it, as a browser will: "/.//evil.example", "/%2e%2e//evil.example" and
 * "/x/..//evil.example" all come out as "//evil.example", a protocol-relative URL to another host.
 */
export function safeCallbackPath(value: unknown, fallback = "/") {
  // A query parameter given twice arrives as an array.
  if (typeof value !== "string" || value.length > CALLBACK_PATH_MAX_LENGTH || !value.startsWith("/") || AMBIGUOUS_IN_URL.test(value)) return fallback;
  try {
    const url = new URL(value, CALLBACK_BASE);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return url.origin === CALLBACK_BASE && !path.startsWith("//") ? path : fallback;
  } catch {
    return fallback;
  }
}

/** A form's hidden field naming where to go once it is done: a safe path on this site, else "/". */
export const returnToField = z.unknown().transform((value) => safeCallbackPath(value));
