import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link repeated down a list (a post's author, a thread of the list, a sort option). Next.js
 * prefetches every <Link> in view, each a render of a dynamic page: one view of a thread page
 * with 40 posts sent 68 prefetch requests. These load on click only.
 */
export function ListLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
