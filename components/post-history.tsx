"use client";

import { useState } from "react";
import { sendJson } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { Markdown } from "./markdown";

type Revision = { createdAt: string; bodyHtml: string | null };

/** The "modifié" mark, which opens the post's edit history. */
export function PostHistory({ postId, editedAt }: { postId: number; editedAt: string | Date }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [isOpen, setIsOpen] = useState(false);

  async function toggle() {
    setIsOpen(!isOpen);
    if (!revisions) setRevisions((await sendJson<{ items: Revision[] }>("GET", `/api/posts/${postId}/revisions`)).items);
  }

  return (
    <span>
      <button type="button" onClick={toggle} aria-expanded={isOpen} className="underline">
        modifié
      </button>
      {isOpen && (
        <span className="mt-2 block space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <span className="block text-sm font-semibold">Historique (dernière modification le {formatDateTime(new Date(editedAt))})</span>
          {revisions?.map((revision, index) => (
            <span key={index} className="block border-t border-slate-200 pt-2 dark:border-slate-700">
              <span className="block text-xs">Version remplacée le {formatDateTime(new Date(revision.createdAt))} :</span>
              <Markdown as="span" html={revision.bodyHtml} className="block text-sm" />
            </span>
          )) ?? <span className="block text-sm">Chargement…</span>}
        </span>
      )}
    </span>
  );
}
