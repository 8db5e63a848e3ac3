import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { unsuspendAction } from "@/app/actions/moderation";
import { ActionButton } from "@/components/action-button";
import { RoleBadge } from "@/components/role-badge";
import { SuspendForm } from "@/components/suspend-form";
import { ListLink } from "@/components/ui/list-link";
import { getViewer } from "@/lib/auth";
import { userPermissions } from "@/lib/authorization";
import { formatDate, formatDateTime } from "@/lib/format";
import { withOpenForm } from "@/lib/schemas/moderation-forms";
import { profilePostsQuery, userIdParams } from "@/lib/schemas/user";
import { getProfile, listProfilePosts } from "@/lib/users";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string; ouvrir?: string }> };

async function loadProfile(params: Props["params"]) {
  const parsed = userIdParams.safeParse(await params);
  return parsed.success ? getProfile(parsed.data.id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadProfile(params))?.name ?? "Profil introuvable" };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const [profile, viewer] = await Promise.all([loadProfile(params), getViewer()]);
  if (!profile) notFound();
  // A cursor that does not decode starts again from the newest posts.
  const address = await searchParams;
  const query = profilePostsQuery.safeParse(address);
  const posts = await listProfilePosts(profile.id, query.success ? query.data : {});
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
      <section aria-labelledby="posts-title" className="space-y-3">
        <h2 id="posts-title" className="text-lg font-semibold">
          Contributions récentes
        </h2>
        {posts.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
            Aucune contribution pour l’instant.
          </p>
        ) : (
          <ul className="space-y-3">
            {posts.items.map((post) => (
              <li key={post.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
                <ListLink href={`/t/${post.thread.slug}#p-${post.id}`} className="font-medium text-blue-700 underline dark:text-blue-300">
                  {post.thread.title}
                </ListLink>
                <p className="mt-1 line-clamp-3 text-sm text-slate-700 dark:text-slate-300">{post.body}</p>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{formatDateTime(post.createdAt)}</p>
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
