import type { Metadata } from "next";
import Link from "next/link";
import { ACTION_LABELS, ModerationLogList } from "@/components/moderation-log-list";
import { listModerationLog } from "@/lib/moderation-log";
import { requireModeratorPage } from "@/lib/moderation-access";
import { MODERATION_ACTIONS, listLogQuery } from "@/lib/schemas/moderation";

export const metadata: Metadata = { title: "Journal de modération", alternates: { canonical: "/moderation/log" } };

type Props = { searchParams: Promise<Record<string, string>> };

export default async function ModerationLogPage({ searchParams }: Props) {
  const viewer = await requireModeratorPage("/moderation/log");
  const params = await searchParams;
  const parsed = listLogQuery.safeParse(Object.fromEntries(Object.entries(params).filter(([, value]) => value)));
  const query = parsed.success ? parsed.data : { limit: 50 };
  const log = await listModerationLog(viewer, query);
  const next = new URLSearchParams({ ...params, cursor: log.nextCursor ?? "" });
  const field = "rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Journal de modération</h1>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filtrer le journal">
        <span className="flex flex-col">
          <label htmlFor="log-actor">N° du modérateur</label>
          <input id="log-actor" name="actorId" inputMode="numeric" defaultValue={params.actorId} className={field} />
        </span>
        <span className="flex flex-col">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={params.action ?? ""} className={field}>
            <option value="">Toutes</option>
            {MODERATION_ACTIONS.map((action) => (
              <option key={action} value={action}>{ACTION_LABELS[action]}</option>
            ))}
          </select>
        </span>
        <span className="flex flex-col">
          <label htmlFor="log-target">Cible</label>
          <select id="log-target" name="targetType" defaultValue={params.targetType ?? ""} className={field}>
            <option value="">Toutes</option>
            <option value="POST">Contributions</option>
            <option value="THREAD">Fils</option>
            <option value="USER">Membres</option>
          </select>
        </span>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 font-semibold text-white">Filtrer</button>
      </form>
      <ModerationLogList entries={log.items} />
      {log.nextCursor && <Link href={`/moderation/log?${next}`} className="text-blue-700 underline dark:text-blue-300">Actions plus anciennes</Link>}
    </div>
  );
}
