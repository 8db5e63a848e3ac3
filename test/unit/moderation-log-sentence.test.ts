import { describe, expect, it } from "vitest";
import { type LogEntryView, logSentence } from "@/lib/moderation-log-sentence";

const ANA = { id: 3, name: "Ana" };
const POST = { id: 12, author: { name: "Sofia" }, thread: { slug: "llama-2", title: "Llama 2 est-il open source ?" } };
const THREAD = { slug: "llama-2", title: "Llama 2 est-il open source ?" };
const BOB = { id: 7, name: "Bob" };

const entry = (overrides: Partial<LogEntryView>): LogEntryView => ({
  action: "HIDE_POST", reason: null, before: null, after: null, actor: ANA, post: null, thread: null, targetUser: null, ...overrides,
});
const text = (view: LogEntryView) => logSentence(view).map((part) => (typeof part === "string" ? part : part.text)).join("");

describe("the moderation log's sentences", () => {
  it.each<[string, Partial<LogEntryView>, string]>([
    ["a hide", { action: "HIDE_POST", post: POST, reason: "Hors charte", before: { hidden: false }, after: { hidden: true } },
      "Ana a masqué la contribution n° 12 de Sofia, dans « Llama 2 est-il open source ? » : « Hors charte »."],
    ["a restore, with why it was hidden", { action: "RESTORE_POST", post: POST, before: { hidden: true, reason: "Hors charte" }, after: { hidden: false } },
      "Ana a rétabli la contribution n° 12 de Sofia, dans « Llama 2 est-il open source ? », masquée pour « Hors charte »."],
    ["a hide by reports", { action: "AUTO_HIDE_POST", actor: null, post: POST, reason: "Masquée automatiquement après 3 signalements, en attente d’examen par la modération." },
      "Les signalements ont masqué la contribution n° 12 de Sofia, dans « Llama 2 est-il open source ? », en attente d’examen par la modération."],
    ["a role change", { action: "CHANGE_ROLE", targetUser: BOB, before: { role: "MEMBER" }, after: { role: "MODERATOR" } },
      "Ana a changé le rôle de Bob : membre → modérateur."],
    ["a suspension with an end", { action: "SUSPEND_USER", targetUser: BOB, reason: "Insultes", after: { until: "2026-12-03T11:00:00.000Z" } },
      "Ana a suspendu Bob jusqu’au 3 déc. 2026, 12:00 : « Insultes »."],
    ["a suspension without one", { action: "SUSPEND_USER", targetUser: BOB, reason: "Spam", after: { until: null } },
      "Ana a suspendu Bob sans date de fin : « Spam »."],
    ["a suspension lifted", { action: "UNSUSPEND_USER", targetUser: BOB, before: { until: null } },
      "Ana a levé la suspension de Bob (prévue sans date de fin)."],
    ["a rename", { action: "RENAME_THREAD", thread: THREAD, before: { title: "Llama ?" }, after: { title: "Llama 2 est-il open source ?" } },
      "Ana a renommé le fil « Llama 2 est-il open source ? » : « Llama ? » → « Llama 2 est-il open source ? »."],
    ["a lock", { action: "LOCK_THREAD", thread: THREAD, before: { locked: false }, after: { locked: true } },
      "Ana a verrouillé le fil « Llama 2 est-il open source ? »."],
    ["a credit voided", { action: "VOID_CREDIT", post: POST, targetUser: BOB, reason: "Comptes multiples", before: { creditId: 4, voided: false }, after: { creditId: 4, voided: true } },
      "Ana a annulé le crédit de Bob à la contribution n° 12 de Sofia, dans « Llama 2 est-il open source ? » : « Comptes multiples »."],
    ["a credit restored", { action: "RESTORE_CREDIT", post: POST, targetUser: BOB, before: { creditId: 4, voided: true }, after: { creditId: 4, voided: false } },
      "Ana a rétabli le crédit de Bob à la contribution n° 12 de Sofia, dans « Llama 2 est-il open source ? »."],
    ["a question closed", { action: "CLOSE_THREAD", thread: THREAD, reason: "Le débat a fait le tour", before: { closed: false }, after: { closed: true } },
      "Ana a clos le fil « Llama 2 est-il open source ? » : « Le débat a fait le tour »."],
    ["a question reopened", { action: "REOPEN_THREAD", thread: THREAD, before: { closed: true }, after: { closed: false } },
      "Ana a rouvert le fil « Llama 2 est-il open source ? »."],
    ["a first closing summary", { action: "WRITE_SUMMARY", thread: THREAD, before: { summary: null }, after: { summary: "Accord." } },
      "Ana a écrit la synthèse de clôture du fil « Llama 2 est-il open source ? »."],
    ["a summary rewritten", { action: "WRITE_SUMMARY", thread: THREAD, before: { summary: "Accord." }, after: { summary: "Accord partiel." } },
      "Ana a réécrit la synthèse de clôture du fil « Llama 2 est-il open source ? »."],
    ["reports dismissed", { action: "DISMISS_REPORTS", post: POST, after: { dismissed: 2 } },
      "Ana a rejeté 2 signalements visant la contribution n° 12 de Sofia, dans « Llama 2 est-il open source ? »."],
  ])("tells %s in French", (_label, overrides, expected) => {
    expect(text(entry(overrides))).toBe(expected);
  });

  it("links the moderator, the post, the thread and the member", () => {
    const links = (view: LogEntryView) => logSentence(view).flatMap((part) => (typeof part === "string" ? [] : [part.href]));
    expect(links(entry({ action: "HIDE_POST", post: POST }))).toEqual(["/u/3", "/t/llama-2#p-12"]);
    expect(links(entry({ action: "PIN_THREAD", thread: THREAD }))).toEqual(["/u/3", "/t/llama-2"]);
    expect(links(entry({ action: "CHANGE_ROLE", targetUser: BOB, before: { role: "ADMIN" }, after: { role: "MEMBER" } }))).toEqual(["/u/3", "/u/7"]);
  });

  it("never shows raw JSON", () => {
    for (const action of ["HIDE_THREAD", "RESTORE_THREAD", "UNPIN_THREAD", "UNLOCK_THREAD", "DISMISS_REPORTS"] as const) {
      expect(text(entry({ action, thread: THREAD, before: { hidden: true }, after: { hidden: false } }))).not.toMatch(/[{}"]/);
    }
  });
});
