import { getViewer } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { isSuspended } from "@/lib/users";

/** Tells a suspended member why, and until when: they can read, not write. */
export async function SuspensionBanner() {
  const viewer = await getViewer();
  if (!viewer || !isSuspended(viewer)) return null;
  return (
    <div role="status" className="bg-amber-100 px-4 py-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      <p className="mx-auto max-w-3xl">
        Votre compte est suspendu {viewer.suspendedUntil ? `jusqu’au ${formatDateTime(viewer.suspendedUntil)}` : "sans date de fin"}
        {viewer.suspensionReason ? ` : ${viewer.suspensionReason}` : ""}. Vous pouvez lire le débat, pas y écrire.
      </p>
    </div>
  );
}
