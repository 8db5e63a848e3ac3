// Session cookies as next-auth issues them (a JWT signed with AUTH_SECRET, naming a session row
// opened as a sign-in opens it), for tests that call route handlers directly; the e2e suite signs
// in through the real pages instead.
import { encode } from "next-auth/jwt";
import { createPrismaClient } from "@/lib/prisma-client";
import { createSession } from "@/lib/sessions";
import { createThreadRow } from "./factories";

let sequence = 0;

/** A cookie of a new session of the user, like one more device signing in. */
export async function sessionCookie(user: { id: number; sessionVersion: number; name?: string }) {
  const sid = await createSession(user.id);
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, sid, name: user.name }, secret: process.env.AUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

type MemberOverrides = { role?: "MEMBER" | "MODERATOR" | "ADMIN"; suspendedUntil?: Date | null; createdAt?: Date };

/** A new member (or other role) with a cookie; each call makes a distinct account. */
export async function createMember(overrides: MemberOverrides = {}) {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    sequence += 1;
    const suspension = overrides.suspendedUntil !== undefined ? { suspendedAt: new Date(), suspendedUntil: overrides.suspendedUntil } : {};
    const user = await db.user.create({
      data: {
        email: `member${sequence}-${process.pid}@example.test`,
        name: `Membre ${sequence}`,
        role: overrides.role ?? "MEMBER",
        createdAt: overrides.createdAt,
        ...suspension,
      },
    });
    return { ...user, cookie: await sessionCookie(user) };
  } finally {
    await db.$disconnect();
  }
}

const ESTABLISHED_MEMBER_AGE_MS = 30 * 24 * 60 * 60 * 1000;
let establishedThread: Promise<{ id: number }> | undefined;

/** A member of long standing with a visible post: their reports count toward hiding a post. */
export async function createEstablishedMember() {
  const member = await createMember({ createdAt: new Date(Date.now() - ESTABLISHED_MEMBER_AGE_MS) });
  establishedThread ??= createThreadRow();
  const db = createPrismaClient(process.env.DATABASE_URL!);
  try {
    await db.post.create({ data: { threadId: (await establishedThread).id, authorId: member.id, body: "Une contribution", bodyHtml: "<p>Une contribution</p>" } });
    return member;
  } finally {
    await db.$disconnect();
  }
}
