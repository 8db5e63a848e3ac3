import type { Metadata } from "next";
import Link from "next/link";
import { ModerationJournalList } from "@/components/moderation-journal-list";
import { listModerationJournal } from "@/lib/moderation-log";
import { listLogQuery } from "@/lib/schemas/moderation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Journal public de la modération", alternates: { canonical: "/moderation/journal" } };

type Props = { searchParams: Promise<{ cursor?: string }> };

export default async function ModerationJournalPage({ searchParams }: Props) {
  const parsed = listLogQuery.pick({ cursor: true, limit: true }).safeParse(await searchParams);
  const journal = await listModerationJournal(parsed.success ? parsed.data : { limit: 50 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Journal public de la modération</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Chaque action de la modération, avec sa date et sa cible, pour que chacun voie comment le débat est modéré. Les
        cibles y sont désignées par leur numéro public ; ni les personnes qui modèrent ou signalent, ni les titres, les noms
        ou le texte masqué, ni les raisons (communiquées aux personnes concernées) n’y figurent.
      </p>
      <ModerationJournalList entries={journal.items} />
      {journal.nextCursor && <Link href={`/moderation/journal?cursor=${journal.nextCursor}`} className="text-blue-700 underline dark:text-blue-300">Actions plus anciennes</Link>}
    </div>
  );
}
