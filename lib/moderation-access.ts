import "server-only";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "./auth";
import { isSuspended } from "./users";

/** For moderation pages: sign in first; a member who is not a moderator sees a 404. */
export async function requireModeratorPage(path: string, role: "MODERATOR" | "ADMIN" = "MODERATOR") {
  const viewer = await getViewer();
  if (!viewer) redirect(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  const allowed = role === "ADMIN" ? viewer.role === "ADMIN" : viewer.role !== "MEMBER";
  if (!allowed || isSuspended(viewer)) notFound();
  return viewer;
}
