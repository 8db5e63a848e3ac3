import "server-only";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "./auth";
import { type SitePermissions, sitePermissions } from "./authorization";
import { signInHref } from "./form-links";

/**
 * For the moderation and admin pages: sign in first; anyone the area is not open to (a member,
 * a suspended moderator) sees a 404, as if it did not exist.
 */
export async function requireAreaPage(path: string, area: keyof Pick<SitePermissions, "moderation" | "admin">) {
  const viewer = await getViewer();
  const permission = sitePermissions(viewer)[area];
  if (!permission.allowed && permission.needsSignIn) redirect(signInHref(path));
  if (!viewer || !permission.allowed) notFound();
  return viewer;
}
