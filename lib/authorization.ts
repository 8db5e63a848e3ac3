// Who may do what: the one answer that pages render from and that domain functions check again
// before they write (`assertAllowed`), so that a rule and its French message are written once.
// Pure functions of the viewer (read fresh from the database) and of the target's state.
import { AppError } from "./errors";
import type { Role } from "./schemas/user";
import { type Actor, isSuspended } from "./users";

/** The error code a refusal becomes when a domain function throws it (its HTTP status). */
type RefusalCode = "unauthorized" | "forbidden" | "not_found" | "conflict";

export type Refusal = { allowed: false; reason: string; code: RefusalCode; needsSignIn?: true };
export type Permission = { allowed: true } | Refusal;

const ALLOWED: Permission = { allowed: true };

function refuse(code: RefusalCode, reason: string): Refusal {
  return { allowed: false, code, reason };
}

type Check = Refusal | null | false;

/** The first refusal among the checks, in order (the order sets which reason a viewer reads). */
function firstOf(...checks: Check[]): Refusal | null {
  return checks.find((check): check is Refusal => !!check) ?? null;
}

function firstRefusal(...checks: Check[]): Permission {
  return firstOf(...checks) ?? ALLOWED;
}

/** For domain functions: a refusal becomes the AppError its code names, with its reason. */
export function assertAllowed(permission: Permission) {
  if (!permission.allowed) throw new AppError(permission.code, permission.reason);
}

// The viewer's side of every rule.

const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };
const ROLE_REFUSALS: Record<Role, string> = {
  MEMBER: "Cette action est réservée aux membres.",
  MODERATOR: "Cette action est réservée à la modération.",
  ADMIN: "Cette action est réservée aux administrateurs.",
};

function signedIn(viewer: Actor | null, reason = "Connectez-vous pour continuer."): Refusal | null {
  return viewer ? null : { ...refuse("unauthorized", reason), needsSignIn: true };
}

/** A suspended member can read and sign in, and nothing else. */
function active(viewer: Actor | null, signInReason?: string): Refusal | null {
  if (!viewer) return signedIn(viewer, signInReason);
  if (!isSuspended(viewer)) return null;
  const until = viewer.suspendedUntil ? ` jusqu’au ${viewer.suspendedUntil.toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}` : "";
  return refuse("forbidden", `Votre compte est suspendu${until} : vous ne pouvez pas écrire.`);
}

function hasRole(viewer: Actor | null, role: Role): Refusal | null {
  if (!viewer) return signedIn(viewer);
  return RANK[viewer.role] < RANK[role] ? refuse("forbidden", ROLE_REFUSALS[role]) : null;
}

const moderates = (viewer: Actor | null) => hasRole(viewer, "MODERATOR") ?? active(viewer);
const administers = (viewer: Actor | null) => hasRole(viewer, "ADMIN") ?? active(viewer);

/** Hidden content stays visible to moderators and admins, and to its own author. */
export function canSeeHidden(viewer: Actor | null, authorId: number | null) {
  return !!viewer && (viewer.role !== "MEMBER" || viewer.id === authorId);
}

// Guards for route handlers (lib/http.ts) and domain functions that only need the viewer.

export function requireUser(actor: Actor | null): Actor {
  assertAllowed(firstRefusal(signedIn(actor)));
  return actor!;
}

export function requireRole(actor: Actor | null, role: Role): Actor {
  assertAllowed(firstRefusal(hasRole(actor, role)));
  return actor!;
}

export function requireActiveUser(actor: Actor | null): Actor {
  assertAllowed(firstRefusal(active(actor)));
  return actor!;
}

/** Moderation is for active moderators and admins. */
export function requireModerator(actor: Actor | null): Actor {
  assertAllowed(firstRefusal(moderates(actor)));
  return actor!;
}

export function requireAdmin(actor: Actor | null): Actor {
  assertAllowed(firstRefusal(administers(actor)));
  return actor!;
}

// The site.

export type SitePermissions = { moderation: Permission; admin: Permission; proposeQuestion: Permission };

/** The moderation area (queue, log), the admin area (roles), proposing a question. */
export function sitePermissions(viewer: Actor | null): SitePermissions {
  return {
    moderation: firstRefusal(signedIn(viewer, "Connectez-vous pour accéder à la modération."), moderates(viewer)),
    admin: firstRefusal(signedIn(viewer, "Connectez-vous pour accéder à l’administration."), administers(viewer)),
    proposeQuestion: firstRefusal(active(viewer, "Connectez-vous pour proposer une question.")),
  };
}

// Threads.

export type ThreadTarget = {
  /** Null for the article's questions. */
  authorId: number | null;
  kind: "POSITION" | "OPEN";
  isLocked: boolean;
  isHidden: boolean;
  /** Closed by a moderator: read-only, its votes and stances final (reading stays open). */
  isClosed: boolean;
};

/** What the rules read of a thread's row (a Prisma select; with `kind` for threadTarget). */
export const THREAD_RULE_FIELDS = { authorId: true, isLocked: true, hiddenAt: true, closedAt: true } as const;

type ThreadRow = { authorId: number | null; kind: ThreadTarget["kind"]; isLocked: boolean; hiddenAt: Date | null; closedAt: Date | null };

/** A thread's row as the rules see it. */
export function threadTarget(row: ThreadRow): ThreadTarget {
  return { authorId: row.authorId, kind: row.kind, isLocked: row.isLocked, isHidden: row.hiddenAt !== null, isClosed: row.closedAt !== null };
}

// A closed question refuses every change with a conflict (409): the request was right, the
// question's state forbids it. Reading stays open to all who could read it.
const CLOSED_POSTS = "Cette question est close : elle ne prend plus de contributions. Sa synthèse en tête de page en donne l’issue.";
const CLOSED_CHANGES = "Cette question est close : ses contributions ne peuvent plus changer.";
const CLOSED_VOTES = "Cette question est close : les votes sont définitifs.";
const CLOSED_STANCES = "Cette question est close : les positions sont définitives.";

function closed(thread: Pick<ThreadTarget, "isClosed">, reason: string): Refusal | null {
  return thread.isClosed ? refuse("conflict", reason) : null;
}

export type ThreadPermissions = {
  vote: Permission;
  post: Permission;
  takeStance: Permission;
  report: Permission;
  /** Lock or unlock, pin or unpin, rename. */
  moderate: Permission;
  hide: Permission;
  restore: Permission;
  /** Close the question (read-only, its tally final) or reopen it. */
  close: Permission;
  reopen: Permission;
  /** Write or rewrite the closing summary, before closing or after. */
  writeSummary: Permission;
};

/** A hidden thread, to a viewer who can see it (moderators, its author), or to one who cannot. */
function hiddenThread(viewer: Actor | null, thread: Pick<ThreadTarget, "authorId" | "isHidden">, seenReason: string): Refusal | null {
  if (!thread.isHidden) return null;
  return refuse("not_found", canSeeHidden(viewer, thread.authorId) ? seenReason : "Ce fil de discussion n'existe pas.");
}

/** Nobody writes in a hidden thread, moderators included: restore it first. */
function writableThread(viewer: Actor | null, thread: Pick<ThreadTarget, "authorId" | "isHidden" | "isLocked" | "isClosed">) {
  return (
    hiddenThread(viewer, thread, "Ce fil est masqué par la modération : rétablissez-le avant d’y écrire.") ||
    closed(thread, CLOSED_POSTS) ||
    (thread.isLocked && refuse("forbidden", "Ce fil est verrouillé : il ne prend plus de nouvelles contributions."))
  );
}

export function threadPermissions(viewer: Actor | null, thread: ThreadTarget): ThreadPermissions {
  const isOwn = !!viewer && viewer.id === thread.authorId;
  return {
    // Only threads that members proposed take votes; the article's questions do not.
    vote: firstRefusal(
      active(viewer, "Connectez-vous pour voter."),
      hiddenThread(viewer, thread, "Ce fil est masqué : on ne vote plus pour lui."),
      closed(thread, CLOSED_VOTES),
      thread.authorId === null && refuse("conflict", "Les questions de l’article ne se votent pas : prenez position."),
      isOwn && refuse("forbidden", "On ne vote pas pour sa propre question."),
    ),
    post: firstRefusal(active(viewer, "Connectez-vous pour participer."), writableThread(viewer, thread)),
    takeStance: firstRefusal(
      active(viewer, "Connectez-vous pour prendre position."),
      hiddenThread(viewer, thread, "Ce fil est masqué : on n’y prend plus position."),
      closed(thread, CLOSED_STANCES),
      thread.kind !== "POSITION" && refuse("conflict", "Cette question est ouverte : elle n’appelle pas de prise de position."),
    ),
    report: firstRefusal(
      active(viewer, "Connectez-vous pour signaler."),
      thread.isHidden && refuse("not_found", "Ce que vous signalez n'existe pas ou n'est plus visible."),
      isOwn && refuse("forbidden", "On ne signale pas sa propre question."),
    ),
    moderate: firstRefusal(moderates(viewer)),
    hide: firstRefusal(moderates(viewer), thread.isHidden && refuse("conflict", "Ce fil est déjà masqué.")),
    restore: firstRefusal(moderates(viewer), !thread.isHidden && refuse("conflict", "Ce fil n'est pas masqué.")),
    close: firstRefusal(moderates(viewer), thread.isClosed && refuse("conflict", "Cette question est déjà close : rouvrez-la d’abord pour la clore à nouveau.")),
    reopen: firstRefusal(moderates(viewer), !thread.isClosed && refuse("conflict", "Cette question n’est pas close : il n’y a rien à rouvrir.")),
    writeSummary: firstRefusal(moderates(viewer)),
  };
}

// Posts.

export type PostTarget = {
  /** Null once deleted (what the public sees of a deleted post). */
  authorId: number | null;
  isDeleted: boolean;
  isHidden: boolean;
  /** Hidden by reports pending review (not by a moderator): a moderator may still hide it for good. */
  isHiddenByReports?: boolean;
  thread: Pick<ThreadTarget, "authorId" | "isHidden" | "isLocked" | "isClosed">;
};

type PostRow = { authorId: number | null; deletedAt: Date | null; hiddenAt: Date | null; hiddenById: number | null };
type PostThreadRow = Omit<ThreadRow, "kind">;

/** A post's row, and its thread's, as the rules see them. */
export function postTarget(row: PostRow, thread: PostThreadRow): PostTarget {
  return {
    authorId: row.authorId,
    isDeleted: row.deletedAt !== null,
    isHidden: row.hiddenAt !== null,
    isHiddenByReports: row.hiddenAt !== null && row.hiddenById === null,
    thread: { authorId: thread.authorId, isLocked: thread.isLocked, isHidden: thread.hiddenAt !== null, isClosed: thread.closedAt !== null },
  };
}

/** The thread of a raw post row (its thread's columns prefixed `thread`), as postTarget takes it. */
export const threadOfRow = (row: { threadAuthorId: number | null; threadIsLocked: boolean; threadHiddenAt: Date | null; threadClosedAt: Date | null }) => ({
  authorId: row.threadAuthorId,
  isLocked: row.threadIsLocked,
  hiddenAt: row.threadHiddenAt,
  closedAt: row.threadClosedAt,
});

export type PostPermissions = {
  vote: Permission;
  /** Reply to the post, or quote it in a reply. */
  reply: Permission;
  report: Permission;
  /** Edit or delete it (deleting twice is no error: the domain makes it a no-op). */
  edit: Permission;
  delete: Permission;
  hide: Permission;
  restore: Permission;
  /** Its earlier versions: public while the post is, moderators' afterwards. */
  viewHistory: Permission;
};

export function postPermissions(viewer: Actor | null, post: PostTarget): PostPermissions {
  const isOwn = !!viewer && viewer.id === post.authorId;
  const seesHidden = canSeeHidden(viewer, post.authorId);
  const hidden = (seenReason: string, unseenReason: string) => post.isHidden && refuse("not_found", seesHidden ? seenReason : unseenReason);
  const threadHidden = post.thread.isHidden && refuse("not_found", "Cette contribution n'existe pas.");
  const ownChange = firstRefusal(
    active(viewer),
    !isOwn && refuse("forbidden", "Seul l'auteur peut modifier ou supprimer cette contribution."),
    post.isHidden && refuse("forbidden", "Cette contribution est masquée par la modération."),
    closed(post.thread, CLOSED_CHANGES),
    post.thread.isLocked && refuse("forbidden", "Ce fil est verrouillé : ses contributions ne peuvent plus changer."),
  );
  const isPublic = !post.isDeleted && !post.isHidden && !post.thread.isHidden;
  return {
    vote: firstRefusal(
      active(viewer, "Connectez-vous pour voter."),
      hidden("Cette contribution est masquée : on ne vote plus pour elle.", "Cette contribution n'existe pas."),
      threadHidden,
      closed(post.thread, CLOSED_VOTES),
      post.isDeleted && refuse("conflict", "Cette contribution a été supprimée : on ne vote plus pour elle."),
      isOwn && refuse("forbidden", "On ne vote pas pour sa propre contribution."),
    ),
    reply: firstRefusal(
      active(viewer, "Connectez-vous pour répondre."),
      writableThread(viewer, post.thread),
      hidden("Cette contribution est masquée : on n’y répond plus.", "La contribution à laquelle vous répondez n'existe pas dans ce fil."),
      post.isDeleted && refuse("conflict", "Cette contribution a été supprimée : on ne peut plus y répondre."),
    ),
    report: firstRefusal(
      active(viewer, "Connectez-vous pour signaler."),
      !isPublic && refuse("not_found", "Ce que vous signalez n'existe pas ou n'est plus visible."),
      isOwn && refuse("forbidden", "On ne signale pas sa propre contribution : modifiez-la ou supprimez-la."),
    ),
    edit: ownChange.allowed && post.isDeleted ? refuse("not_found", "Cette contribution a été supprimée.") : ownChange,
    delete: ownChange,
    hide: firstRefusal(
      moderates(viewer),
      post.isDeleted && refuse("conflict", "Cette contribution a été supprimée par son auteur : il n’y a rien à masquer."),
      post.isHidden && !post.isHiddenByReports && refuse("conflict", "Cette contribution est déjà masquée."),
    ),
    restore: firstRefusal(moderates(viewer), !post.isHidden && refuse("conflict", "Cette contribution n'est pas masquée.")),
    viewHistory: isPublic ? ALLOWED : firstRefusal(hasRole(viewer, "MODERATOR")),
  };
}

// Members.

export type UserTarget = {
  id: number;
  role: Role;
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
  /** The only admin: they cannot step down (someone must be able to appoint). */
  isLastAdmin?: boolean;
};

export type UserPermissions = { suspend: Permission; unsuspend: Permission; changeRole: Permission };

export function userPermissions(viewer: Actor | null, user: UserTarget): UserPermissions {
  // Moderators suspend members; only admins suspend moderators and admins; nobody themselves.
  const suspension = firstOf(
    moderates(viewer),
    viewer?.id === user.id && refuse("forbidden", "On ne se suspend pas soi-même."),
    RANK[user.role] >= RANK.MODERATOR && viewer?.role !== "ADMIN" && refuse("forbidden", "Seul un administrateur peut suspendre un membre de la modération."),
  );
  const suspended = isSuspended(user);
  return {
    suspend: firstRefusal(
      suspension,
      suspended && refuse("conflict", "Ce membre est déjà suspendu : levez la suspension avant d’en fixer une autre."),
    ),
    unsuspend: firstRefusal(suspension, !suspended && refuse("conflict", "Ce membre n'est pas suspendu.")),
    changeRole: firstRefusal(
      administers(viewer),
      !!user.isLastAdmin && refuse("conflict", "Le dernier administrateur ne peut pas quitter ce rôle : nommez-en un autre d’abord."),
    ),
  };
}

/** A post as « Ce message m'a fait changer d'avis » sees it, against the change it would be credited for. */
export type CreditTarget = PostTarget & { threadId: number; createdAt: Date; isCreditedByViewer: boolean };
/** A change of position being recorded: its question, its positions before and after, its time. */
export type MindChange = { threadId: number; fromPositionId: number | null; toPositionId: number | null; at: Date };

export const CREDIT_GONE = refuse("not_found", "Ce message n’existe pas, ou n’est plus visible, dans cette question.");
const CREDIT_NOT_A_CHANGE = refuse("conflict", "Seul un changement de position, de l’une à une autre, peut être attribué à un message.");

/**
 * Whether the viewer could credit this post with a change from the position they hold: not their
 * own post, a visible one, once per member and post ever (so that flipping back and forth earns
 * nothing twice). The page offers « Ce message m'a fait changer d'avis » by this rule.
 */
export function creditablePost(viewer: Actor | null, post: CreditTarget, viewerPositionId: number | null): Permission {
  return firstRefusal(
    active(viewer, "Connectez-vous pour prendre position."),
    (post.isDeleted || post.isHidden || post.thread.isHidden) && CREDIT_GONE,
    closed(post.thread, CLOSED_STANCES),
    viewerPositionId === null && CREDIT_NOT_A_CHANGE,
    !!viewer && viewer.id === post.authorId && refuse("forbidden", "On ne s’attribue pas son propre changement d’avis : choisissez le message d’un autre membre."),
    post.isCreditedByViewer && refuse("conflict", "Vous avez déjà dit que ce message vous a fait changer d’avis : un message compte une fois par membre."),
  );
}

/**
 * Whether the viewer may credit this post with the change of position they make: a real change
 * (from one position to another: a first stance or a withdrawal changes no mind), of the post's
 * question, and a post creditablePost allows, written before the change.
 */
export function creditPermission(viewer: Actor | null, post: CreditTarget, change: MindChange): Permission {
  const creditable = creditablePost(viewer, post, change.fromPositionId);
  return firstRefusal(
    post.threadId !== change.threadId && CREDIT_GONE,
    change.toPositionId === null && CREDIT_NOT_A_CHANGE,
    !creditable.allowed && creditable,
    post.createdAt >= change.at && refuse("conflict", "Ce message est postérieur à votre changement de position."),
  );
}

// Credits, as moderation sees them.

/** Who credited a post is for moderators only: the public reads how many, and from where to where. */
export function creditListPermission(viewer: Actor | null): Permission {
  return firstRefusal(moderates(viewer));
}

export type CreditPermissions = { void: Permission; restore: Permission };

/**
 * A member crediting a post from several accounts inflates it: moderators void those credits
 * (the post's author has done nothing wrong, hiding the post would punish them) and restore one
 * voided by mistake. A voided credit still takes its member's one credit of that post.
 */
export function creditPermissions(viewer: Actor | null, credit: { isVoided: boolean }): CreditPermissions {
  return {
    void: firstRefusal(moderates(viewer), credit.isVoided && refuse("conflict", "Ce crédit est déjà annulé.")),
    restore: firstRefusal(moderates(viewer), !credit.isVoided && refuse("conflict", "Ce crédit n’est pas annulé : il n’y a rien à rétablir.")),
  };
}
