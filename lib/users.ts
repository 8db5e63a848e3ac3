import "server-only";
import { db } from "./db";
import { AppError } from "./errors";
import { decoyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from "./passwords";
import { consumeRateLimit, consumeRateLimits, refundRateLimit } from "./rate-limit";
import { Prisma } from "./generated/prisma/client";
import { EXCERPT_HTML_CHARS, htmlExcerpt } from "./html-excerpt";
import { timeOrderedPage } from "./keyset";
import { PROFILE_PAGE_SIZE, type ChangePasswordInput, type ProfilePostsQuery, type Role, type SignInInput, type SignUpInput } from "./schemas/user";

/** The signed-in user as every permission check sees it, read fresh from the database. */
export const actorFields = {
  id: true,
  name: true,
  role: true,
  sessionVersion: true,
  suspendedAt: true,
  suspendedUntil: true,
  suspensionReason: true,
} as const;

export type Actor = Prisma.UserGetPayload<{ select: typeof actorFields }>;

export function isSuspended(user: Pick<Actor, "suspendedAt" | "suspendedUntil">, now = new Date()) {
  return user.suspendedAt !== null && (user.suspendedUntil === null || user.suspendedUntil > now);
}

function assertNotCommon(password: string, path: string) {
  if (isCommonPassword(password)) {
    throw new AppError("invalid_input", "Ce mot de passe fait partie des plus courants : choisissez-en un autre.", {
      issues: [{ path, message: "Ce mot de passe fait partie des plus courants : choisissez-en un autre." }],
    });
  }
}

/**
 * Sign-up. The only way to learn that an email is taken is this 409. Every account starts as a
 * MEMBER: nobody has proved they own the address yet, so no email list may grant a role here
 * (admins are made from the shell, `npm run user:role`).
 */
export async function createUser(input: SignUpInput, ip: string) {
  assertNotCommon(input.password, "password");
  await consumeRateLimit("signUpsPerIp", ip);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      // The session version too: the sign-up form signs the new member in.
      select: { id: true, name: true, sessionVersion: true },
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = "Un compte existe déjà avec cette adresse e-mail. Connectez-vous.";
      throw new AppError("conflict", message, { issues: [{ path: "email", message }] });
    }
    throw error;
  }
}

/**
 * Checks credentials for sign-in. The attempt is counted against RATE_LIMITS' sign-in limits
 * before the password is checked, in one atomic step, so that parallel guesses cannot all be
 * checked; beyond a limit sign-in is refused (even with the right password) until the window
 * passes. A right password takes its attempt back: only failures count. Every failure is logged,
 * without the password.
 */
export async function authenticate({ email, password }: SignInInput, ip: string): Promise<Actor | null> {
  const attempt = await consumeRateLimits([
    ["signInFailuresPerEmailAndIp", JSON.stringify([email, ip])],
    ["signInFailuresPerIp", ip],
    ["signInFailuresPerEmail", email],
  ]);
  const user = await db.user.findUnique({ select: { ...actorFields, passwordHash: true }, where: { email } });
  const isValid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !user.passwordHash || !isValid) {
    console.warn(`[auth] failed sign-in for ${JSON.stringify(email)} from ${ip}`);
    return null;
  }
  await refundRateLimit(attempt);
  const { passwordHash: _hash, ...actor } = user;
  return actor;
}

/**
 * Changes the password and revokes every session, this one included. Returns the user with the
 * new session version, for the form that opens a new session in this browser.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput) {
  const user = await db.user.findUniqueOrThrow({ select: { passwordHash: true }, where: { id: actor.id } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const message = "Le mot de passe actuel est incorrect.";
    throw new AppError("forbidden", message, { issues: [{ path: "currentPassword", message }] });
  }
  assertNotCommon(input.newPassword, "newPassword");
  return db.user.update({
    select: actorFields,
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
  });
}

/** Revokes every session of the user: their JWTs carry the old version and are refused. */
export async function signOutEverywhere(actor: Actor) {
  await db.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
}

/** For the role CLI: returns null when no account has that email. */
export async function setRoleByEmail(email: string, role: Role) {
  return db.user
    .update({ select: { id: true, email: true, role: true }, where: { email }, data: { role } })
    .catch((error) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
      throw error;
    });
}

/** A public profile: never the email, the hash or a suspension reason. */
export function getProfile(id: number) {
  return db.user.findUnique({
    select: {
      id: true,
      name: true,
      role: true,
      createdAt: true,
      // Shown to moderators only (the page decides); the reason stays private.
      suspendedAt: true,
      suspendedUntil: true,
    },
    where: { id },
  });
}

/** Public posts only: never a deleted or hidden one, nor one in a hidden thread. */
const publicPostsOf = (authorId: number) => Prisma.sql`
  FROM posts p JOIN threads t ON t.id = p.thread_id
  WHERE p.author_id = ${authorId} AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND t.hidden_at IS NULL`;

type ProfilePostRow = { id: number; createdAt: Date; htmlStart: string; upvotes: number; downvotes: number; threadSlug: string; threadTitle: string };

/**
 * A page of a member's public posts, newest first (keyset on created_at and id; the index
 * (author_id, created_at) serves it), each with a plain-text excerpt of its stored HTML: only the
 * start of the HTML is read (substr reads no more of a long text), so a page costs the same
 * whatever the posts' length.
 */
export async function listProfilePosts(authorId: number, { cursor }: ProfilePostsQuery) {
  const afterCursor = cursor ? Prisma.sql`AND (p.created_at, p.id) < (${new Date(cursor.at)}, ${cursor.id})` : Prisma.empty;
  const rows = await db.$queryRaw<ProfilePostRow[]>`
    SELECT p.id, p.created_at AS "createdAt", substr(p.body_html, 1, ${EXCERPT_HTML_CHARS}) AS "htmlStart",
      p.upvotes, p.downvotes, t.slug AS "threadSlug", t.title AS "threadTitle"
    ${publicPostsOf(authorId)} ${afterCursor}
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT ${PROFILE_PAGE_SIZE + 1}`;
  const page = timeOrderedPage(rows, PROFILE_PAGE_SIZE);
  return {
    ...page,
    items: page.items.map(({ htmlStart, threadSlug, threadTitle, ...post }) => ({
      ...post,
      excerpt: htmlExcerpt(htmlStart),
      thread: { slug: threadSlug, title: threadTitle },
    })),
  };
}

/**
 * What a profile counts: the member's public posts and the votes they received. One aggregate
 * over the member's posts (an index range of author_id), like the list above.
 */
export async function getProfileCounts(authorId: number) {
  const [counts] = await db.$queryRaw<{ posts: number; upvotes: number; downvotes: number }[]>`
    SELECT count(*)::int AS posts, coalesce(sum(p.upvotes), 0)::int AS upvotes, coalesce(sum(p.downvotes), 0)::int AS downvotes
    ${publicPostsOf(authorId)}`;
  return counts;
}

/** What the account page shows its owner. */
export async function getAccount(actor: Actor) {
  const { passwordHash, ...account } = await db.user.findUniqueOrThrow({
    select: { email: true, createdAt: true, passwordHash: true },
    where: { id: actor.id },
  });
  // GitHub-only accounts have no password to change.
  return { ...account, hasPassword: passwordHash !== null };
}

/** Accounts for the admins' roles page: those matching `search` (name or email), staff first. */
export function listUsersForAdmin(search: string) {
  const term = search.trim();
  return db.user.findMany({
    select: { id: true, name: true, email: true, role: true, createdAt: true, suspendedAt: true, suspendedUntil: true },
    where: term ? { OR: [{ name: { contains: term, mode: "insensitive" } }, { email: { contains: term.toLowerCase() } }] } : {},
    orderBy: [{ role: "desc" }, { id: "asc" }],
    take: 100,
  });
}

/** How many admins there are: the last one cannot step down. */
export function countAdmins() {
  return db.user.count({ where: { role: "ADMIN" } });
}
