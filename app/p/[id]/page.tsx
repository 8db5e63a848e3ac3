// A post's permalink (/p/12): to the page of its conversation that holds it, which changes as
// replies arrive while the permalink does not. The site's 404 when the viewer may not see it.
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth";
import { getPostLocation } from "@/lib/post-locations";
import { idParam } from "@/lib/schemas/pagination";

export const dynamic = "force-dynamic";

export default async function PostPermalink({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam.safeParse((await params).id);
  const location = id.success ? await getPostLocation(await getViewer(), id.data) : null;
  if (!location) notFound();
  redirect(location.path);
}
