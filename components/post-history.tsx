"use client";

import { diffWords } from "diff";
import { useEffect, useState } from "react";
import { sendJson } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { Markdown } from "./markdown";

type Version = { body: string | null; bodyHtml: string | null; createdAt: string | Date };
/** GET /api/posts/{id}/revisions: the text now, and each text it replaced, newest first. */
export type Revisions = { current: Version; items: Version[] };

/** A diff gives up past this (ms): two long, unrelated texts are shown without one. */
const DIFF_TIMEOUT_MS = 200;

/**
 * A post's edit history, below its text: each version newest first, with what its edit changed,
 * word by word. Loaded on opening, or given by the page that opened it (`?historique=`).
 */
export function PostHistory({ postId, initial }: { postId: number; initial?: Revisions }) {
  const [revisions, setRevisions] = useState(initial ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (revisions) return;
    sendJson<Revisions>("GET", `/api/posts/${postId}/revisions`).then(setRevisions, () =>
      setFailure("L’historique n’a pas pu être chargé. Fermez-le et rouvrez-le pour réessayer."),
    );
  }, [postId, revisions]);

  const versions = revisions ? [revisions.current, ...revisions.items] : [];
  return (
    <section aria-label="Historique des modifications" className="mt-3 space-y-3 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
      <h4 className="font-semibold">Historique des modifications</h4>
      {failure ? (
        <p role="alert">{failure}</p>
      ) : !revisions ? (
        <p role="status">Chargement de l’historique…</p>
      ) : (
        <ol className="space-y-3">
          {versions.map((version, index) => (
            <li key={index} className="border-t border-slate-200 pt-2 first:border-t-0 first:pt-0 dark:border-slate-700">
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {index === 0 ? "Version actuelle, depuis le " : index === versions.length - 1 ? "Version d’origine, du " : "Version du "}
                {formatDateTime(new Date(version.createdAt))}
              </p>
              {versions[index + 1] && <WordDiff before={versions[index + 1].body} after={version.body} />}
              <Markdown html={version.bodyHtml} className="mt-1" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What an edit changed, word by word: removed words struck through, added ones underlined. */
function WordDiff({ before, after }: { before: string | null; after: string | null }) {
  if (before === null || after === null) return null;
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return <p className="text-xs italic">Trop de changements pour les montrer mot à mot.</p>;
  return (
    <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-800" aria-label="Changements de cette modification">
      {changes.map((change, index) =>
        change.added ? (
          <ins key={index} className="bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100">
            {change.value}
          </ins>
        ) : change.removed ? (
          <del key={index} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100">
            {change.value}
          </del>
        ) : (
          <span key={index}>{change.value}</span>
        ),
      )}
    </p>
  );
}
