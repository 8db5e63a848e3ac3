import type { Metadata } from "next";
import Link from "next/link";
import { ACTION_LABELS, ModerationLogList } from "@/components/moderation-log-list";
import { listLogActors, listModerationLog } from "@/lib/moderation-log";
import { requireAreaPage } from "@/lib/moderation-access";
import { MODERATION_ACTIONS, listLogQuery } from "@/lib/schemas/moderation";

export const metadata: Metadata = { title: "Journal de modération", alternates: { canonical: "/moderation/log" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The filter's fields, kept in the paging links; an empty one (« Tous ») filters nothing.
const FILTERS = ["actorId", "action", "targetType", "limit"] as const;

export default async function ModerationLogPage({ searchParams }: Props) {
  const viewer = await requireAreaPage("/moderation/log", "moderation");
  const params = await searchParams;
  const filters = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params[name];
    if (typeof value === "string" && value) filters.set(name, value);
  }
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  // A filter or cursor that does not parse (edited by hand) shows the whole log from the newest.
  const parsed = listLogQuery.safeParse({ ...Object.fromEntries(filters), ...(cursor ? { cursor } : {}) });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const [log, actors] = await Promise.all([listModerationLog(viewer, query), listLogActors(viewer)]);
  const field = "rounded-md border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:bg-slate-900 dark:text-slate-100";
  const link = "text-blue-700 underline dark:text-blue-300";
  const pageHref = (nextCursor?: string) => {
    const target = new URLSearchParams(filters);
    if (nextCursor) target.set("cursor", nextCursor);
    return `/moderation/log${target.size ? `?${target}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Journal de modération</h1>
      {/* A GET form: the filter is in the address, works without JavaScript and can be shared. */}
      <form action="/moderation/log" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filtrer le journal">
        <span className="flex flex-col">
          <label htmlFor="log-actor">Modérateur</label>
          <select id="log-actor" name="actorId" defaultValue={filters.get("actorId") ?? ""} className={field}>
            <option value="">Tous</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>{actor.name}</option>
            ))}
          </select>
        </span>
        <span className="flex flex-col">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={filters.get("action") ?? ""} className={field}>
            <option value="">Toutes</option>
            {MODERATION_ACTIONS.map((action) => (
              <option key={action} value={action}>{ACTION_LABELS[action]}</option>
            ))}
          </select>
        </span>
        <span className="flex flex-col">
          <label htmlFor="log-target">Cible</label>
          <select id="log-target" name="targetType" defaultValue={filters.get("targetType") ?? ""} className={field}>
            <option value="">Toutes</option>
            <option value="POST">Contributions</option>
            <option value="THREAD">Fils</option>
            <option value="USER">Membres</option>
          </select>
        </span>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 font-semibold text-white">Filtrer</button>
      </form>
      <ModerationLogList entries={log.items} />
      {(cursor || log.nextCursor) && (
        <nav aria-label="Pages du journal" className="flex flex-wrap gap-4 text-sm">
          {cursor && <Link href={pageHref()} className={link}>Revenir aux plus récentes</Link>}
          {log.nextCursor && <Link href={pageHref(log.nextCursor)} className={link}>Actions plus anciennes</Link>}
        </nav>
      )}
    </div>
  );
}
