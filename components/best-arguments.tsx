// « Les arguments »: the best top-level posts of each position (or facet) side by side, one column
// each on a wide screen, stacked on a phone (lib/arguments.ts, read by lib/question-highlights.ts). Server markup
// only: a signed-out reader's page gains no script from it.
import type { ArgumentGroup } from "@/lib/arguments";
import { formatDateTime } from "@/lib/format";
import { formatCount } from "@/lib/numbers";
import { HeldPositionBadge } from "./position-badge";

// Tailwind generates only the classes written out whole.
const COLUMNS: Record<number, string> = { 1: "", 2: "md:grid-cols-2", 3: "md:grid-cols-3", 4: "md:grid-cols-2 xl:grid-cols-4" };

type Props = {
  groups: ArgumentGroup[];
  /** The question's page (`/t/<slug>`): each group links to its full list there. */
  threadPath: string;
};

/** The question's page filtered on a group, best first, at the list. */
const listHref = (threadPath: string, group: ArgumentGroup) =>
  `${threadPath}?${new URLSearchParams({ ...(group.id ? { [group.kind]: String(group.id) } : {}), sort: "best" })}#posts-title`;

export function BestArguments({ groups, threadPath }: Props) {
  return (
    <section aria-labelledby="arguments-title" className="space-y-3">
      <h2 id="arguments-title" className="text-lg font-semibold">
        Les arguments
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {groups[0]?.kind === "position"
          ? "Les contributions les mieux notées de chaque position, écrites en tant que telle."
          : groups[0]?.kind === "facet"
            ? "Les contributions les mieux notées de chaque thème."
            : "Les contributions les mieux notées."}
      </p>
      <div className={`grid gap-4 ${COLUMNS[groups.length] ?? ""}`}>
        {groups.map((group) => (
          <ArgumentColumn key={group.id ?? "all"} group={group} href={listHref(threadPath, group)} />
        ))}
      </div>
    </section>
  );
}

const GROUP_WORDS: Record<ArgumentGroup["kind"], string> = { position: " de cette position", facet: " de ce thème", all: "" };

function ArgumentColumn({ group, href }: { group: ArgumentGroup; href: string }) {
  const titleId = `arguments-${group.kind}-${group.id ?? "all"}`;
  return (
    <section aria-labelledby={titleId} data-argument-group className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h3 id={titleId} className="font-semibold">
        {group.kind === "position" && group.label && group.colour ? (
          <HeldPositionBadge position={{ id: group.id!, label: group.label, colour: group.colour }} />
        ) : (
          (group.label ?? "Les mieux notées")
        )}
      </h3>
      {group.posts.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Aucun argument pour l’instant.</p>
      ) : (
        <>
          <ol className="space-y-3">
            {group.posts.map((post) => (
              <li key={post.id} className="space-y-1 rounded-md border border-slate-200 p-3 dark:border-slate-700">
                <p className="text-sm">
                  <a href={`/p/${post.id}`} className="font-semibold text-blue-700 underline dark:text-blue-300">
                    {post.authorName}, le <time dateTime={post.createdAt.toISOString()}>{formatDateTime(post.createdAt)}</time>
                  </a>
                </p>
                <p className="text-sm text-slate-700 dark:text-slate-300">{post.excerpt}</p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Score {post.score > 0 ? "+" : ""}
                  {formatCount(post.score)} ({formatCount(post.upvotes)} pour, {formatCount(post.downvotes)} contre)
                </p>
              </li>
            ))}
          </ol>
          <p className="text-sm">
            <a href={href} className="font-medium text-blue-700 underline dark:text-blue-300">
              {group.postCount === 1 ? "Voir l’argument" : `Voir les ${group.hasUncountedPosts ? "plus de " : ""}${formatCount(group.postCount)} arguments`}
              {GROUP_WORDS[group.kind]}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
