// The moderators' log in words: each action as one French sentence that says who did what to
// whom (a voided credit: whose, on which post), and what changed (« membre → modérateur »,
// « jusqu’au … »), read from the before/after the action recorded. Pure: the page renders the
// parts, links included.
import { formatDateTime } from "./format";
import type { ModerationActionName } from "./schemas/moderation";
import { ROLE_LABELS, type Role } from "./schemas/user";

export type SentencePart = string | { text: string; href: string };

export type LogEntryView = {
  action: ModerationActionName;
  reason: string | null;
  before: unknown;
  after: unknown;
  actor: { id: number; name: string } | null;
  post: { id: number; author: { name: string }; thread: { slug: string; title: string } } | null;
  thread: { slug: string; title: string } | null;
  targetUser: { id: number; name: string } | null;
};

/** A field of a recorded before/after, if the action recorded it. */
function recorded(json: unknown, key: string): unknown {
  return json !== null && typeof json === "object" ? (json as Record<string, unknown>)[key] : undefined;
}

const quoted = (text: string) => `« ${text} »`;

function postPhrase(post: NonNullable<LogEntryView["post"]>): SentencePart[] {
  return [{ text: `la contribution n° ${post.id}`, href: `/t/${post.thread.slug}#p-${post.id}` }, ` de ${post.author.name}, dans ${quoted(post.thread.title)}`];
}

function threadPhrase(thread: NonNullable<LogEntryView["thread"]>): SentencePart[] {
  return [{ text: `le fil ${quoted(thread.title)}`, href: `/t/${thread.slug}` }];
}

function userPhrase(user: NonNullable<LogEntryView["targetUser"]>): SentencePart[] {
  return [{ text: user.name, href: `/u/${user.id}` }];
}

function targetPhrase(entry: LogEntryView): SentencePart[] {
  if (entry.post) return postPhrase(entry.post);
  if (entry.thread) return threadPhrase(entry.thread);
  if (entry.targetUser) return userPhrase(entry.targetUser);
  return ["une cible disparue"];
}

/** A credit of « Ce message m'a fait changer d'avis »: the member who gave it, and the post. */
function creditPhrase(entry: LogEntryView): SentencePart[] {
  const member = entry.targetUser ? userPhrase(entry.targetUser) : ["un membre disparu"];
  return ["le crédit de ", ...member, " à ", ...(entry.post ? postPhrase(entry.post) : ["une contribution disparue"])];
}

const untilPhrase = (until: unknown) => (typeof until === "string" ? `jusqu’au ${formatDateTime(new Date(until))}` : "sans date de fin");
const roleName = (role: unknown) => (typeof role === "string" && role in ROLE_LABELS ? ROLE_LABELS[role as Role].toLowerCase() : "?");

/** What was done, after « a » (« a masqué la contribution n° 12 de Sofia »). */
function deed(entry: LogEntryView): SentencePart[] {
  const target = targetPhrase(entry);
  switch (entry.action) {
    case "HIDE_POST":
    case "HIDE_THREAD":
    case "AUTO_HIDE_POST":
      return ["masqué ", ...target];
    case "RESTORE_POST":
    case "RESTORE_THREAD": {
      const hiddenFor = recorded(entry.before, "reason");
      return ["rétabli ", ...target, ...(typeof hiddenFor === "string" ? [`, masqué${entry.post ? "e" : ""} pour ${quoted(hiddenFor)}`] : [])];
    }
    case "LOCK_THREAD":
      return ["verrouillé ", ...target];
    case "UNLOCK_THREAD":
      return ["déverrouillé ", ...target];
    case "PIN_THREAD":
      return ["épinglé ", ...target];
    case "UNPIN_THREAD":
      return ["désépinglé ", ...target];
    case "RENAME_THREAD":
      return ["renommé ", ...target, ` : ${quoted(String(recorded(entry.before, "title")))} → ${quoted(String(recorded(entry.after, "title")))}`];
    case "DISMISS_REPORTS": {
      const count = Number(recorded(entry.after, "dismissed") ?? 0);
      return [`rejeté ${count} signalement${count > 1 ? "s" : ""} visant `, ...target];
    }
    case "SUSPEND_USER":
      return ["suspendu ", ...target, ` ${untilPhrase(recorded(entry.after, "until"))}`];
    case "UNSUSPEND_USER":
      return ["levé la suspension de ", ...target, ` (prévue ${untilPhrase(recorded(entry.before, "until"))})`];
    case "CHANGE_ROLE":
      return ["changé le rôle de ", ...target, ` : ${roleName(recorded(entry.before, "role"))} → ${roleName(recorded(entry.after, "role"))}`];
    case "VOID_CREDIT":
      return ["annulé ", ...creditPhrase(entry)];
    case "RESTORE_CREDIT":
      return ["rétabli ", ...creditPhrase(entry)];
    case "CLOSE_THREAD":
      return ["clos ", ...target];
    case "REOPEN_THREAD":
      return ["rouvert ", ...target];
    case "WRITE_SUMMARY": {
      // « du fil », not « de le fil »: the thread's phrase is written here with its contraction.
      const of = entry.thread ? [{ text: `du fil ${quoted(entry.thread.title)}`, href: `/t/${entry.thread.slug}` }] : ["d’un fil disparu"];
      return [recorded(entry.before, "summary") ? "réécrit la synthèse de clôture " : "écrit la synthèse de clôture ", ...of];
    }
  }
}

/**
 * « Ana a masqué la contribution n° 12 de Sofia, dans « … » : « Hors charte ». » An automatic
 * hide has the reports for subject, and its reason (always the same) is said in words.
 */
export function logSentence(entry: LogEntryView): SentencePart[] {
  if (!entry.actor) return ["Les signalements ont ", ...deed(entry), ", en attente d’examen par la modération."];
  const reason = entry.reason ? [` : ${quoted(entry.reason)}`] : [];
  return [{ text: entry.actor.name, href: `/u/${entry.actor.id}` }, " a ", ...deed(entry), ...reason, "."];
}
