import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { unsuspendAction } from "@/app/actions/moderation";
import { ActionButton } from "@/components/action-button";
import { MemberPositionList } from "@/components/member-positions";
import { RoleBadge } from "@/components/role-badge";
import { SuspendForm } from "@/components/suspend-form";
import { ListLink } from "@/components/ui/list-link";
import { getViewer } from "@/lib/auth";
import { userPermissions } from "@/lib/authorization";
import { countLabel, formatDate, formatDateTime } from "@/lib/format";
import { withOpenForm } from "@/lib/form-links";
import { listMemberPositions } from "@/lib/member-positions";
import { profilePostsQuery, userIdParams } from "@/lib/schemas/user";
import { getProfile, getProfileCounts, listProfilePosts } from "@/lib/users";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string; ouvrir?: string }> };

async function loadProfile(params: Props["params"]) {
  const parsed = userIdParams.safeParse(await params);
  return parsed.success ? getProfile(parsed.data.id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile(params);
  if (!profile) return { title: "Profil introuvable" };
  return { title: profile.name, description: `Les contributions de ${profile.name} sur Agora.`, alternates: { canonical: `/u/${profile.id}` } };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const [profile, viewer] = await Promise.all([loadProfile(params), getViewer()]);
  if (!profile) notFound();
  // A cursor that does not decode starts again from the newest posts.
  const address = await searchParams;
  const query = profilePostsQuery.safeParse(address);
  const [posts, counts, positions] = await Promise.all([
    listProfilePosts(profile.id, query.success ? query.data : {}),
    getProfileCounts(profile.id),
    listMemberPositions(profile.id),
  ]);
  const can = userPermissions(viewer, profile);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{profile.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <RoleBadge role={profile.role} /> membre depuis le {formatDate(profile.createdAt)}
          {/* Told to those who may lift it only: a suspension is no public matter. */}
          {can.unsuspend.allowed && " · suspendu"}
        </p>
        {(can.suspend.allowed || can.unsuspend.allowed) && (
          <div role="group" aria-label="Modération du membre" className="text-sm">
            {can.unsuspend.allowed && <ActionButton action={unsuspendAction} fields={{ userId: profile.id, returnTo: `/u/${profile.id}` }} label="Lever la suspension" />}
            {can.suspend.allowed && (
              <SuspendForm
                userId={profile.id}
                name={profile.name}
                returnTo={`/u/${profile.id}`}
                openHref={withOpenForm(`/u/${profile.id}`, "suspendre")}
                isOpen={address.ouvrir === "suspendre"}
              />
            )}
          </div>
        )}
      </header>
      <section aria-labelledby="positions-title" className="space-y-3">
        <h2 id="positions-title" className="text-lg font-semibold">
          Ses positions
        </h2>
        <MemberPositionList positions={positions} />
      </section>
      <section aria-labelledby="posts-title" className="space-y-3">
        <h2 id="posts-title" className="text-lg font-semibold">
          Contributions récentes
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {countLabel(counts.posts, "contribution", "contributions")} · {countLabel(counts.upvotes + counts.downvotes, "vote reçu", "votes reçus")} (
          {counts.upvotes.toLocaleString("fr-FR")} pour, {counts.downvotes.toLocaleString("fr-FR")} contre)
        </p>
        {posts.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
            Aucune contribution pour l’instant.
          </p>
        ) : (
          <ul className="space-y-3">
            {posts.items.map((post) => (
              <li key={post.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Dans{" "}
                  <ListLink href={`/t/${post.thread.slug}`} className="font-medium text-blue-700 underline dark:text-blue-300">
                    {post.thread.title}
                  </ListLink>
                  , le {formatDateTime(post.createdAt)} · {countLabel(post.upvotes + post.downvotes, "vote", "votes")}
                </p>
                <p className="line-clamp-3 text-slate-800 dark:text-slate-200">{post.excerpt}</p>
                <ListLink href={`/p/${post.id}`} className="inline-block py-0.5 text-sm font-medium text-blue-700 underline dark:text-blue-300">
                  Lire la contribution<span className="sr-only"> du {formatDateTime(post.createdAt)}</span>
                </ListLink>
              </li>
            ))}
          </ul>
        )}
        {posts.nextCursor && (
          <Link href={`/u/${profile.id}?cursor=${posts.nextCursor}`} className="text-blue-700 underline dark:text-blue-300">
            Contributions plus anciennes
          </Link>
        )}
      </section>
    </div>
  );
}
