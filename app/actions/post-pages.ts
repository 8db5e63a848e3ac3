"use server";
// What « Voir plus de contributions » and « Voir la suite de la conversation » append in place
// (components/post-list.tsx): the next page, rendered on the server like the page itself. Reads,
// by the rules of GET /api/threads/{id}/posts and GET /api/posts/{id}/replies: the same schemas
// and lib/posts.ts functions. Without JavaScript the same links load the next page.
import { z } from "zod";
import { renderPosts } from "@/components/rendered-posts";
import type { RenderedPage } from "@/components/post-types";
import { getViewer } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { listConversation, listPosts } from "@/lib/posts";
import { returnToField } from "@/lib/schemas/form";
import { idParam } from "@/lib/schemas/pagination";
import { conversationQuery, creditPicksOf, listPostsQuery } from "@/lib/schemas/post";

const threadPageInput = z.object({ threadId: idParam, returnTo: returnToField, query: listPostsQuery });
// threadId: the forms of the posts loaded post to it (publishing a reply checks the parent is in it).
const conversationPageInput = z.object({ threadId: idParam, rootId: idParam, returnTo: returnToField, query: conversationQuery });

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", result.error.issues[0].message);
  return result.data;
}

export async function loadThreadPage(input: z.input<typeof threadPageInput>): Promise<RenderedPage> {
  const { threadId, returnTo, query } = parsed(threadPageInput, input);
  const page = await listPosts(await getViewer(), threadId, query);
  const creditPicks = creditPicksOf(Object.fromEntries(new URL(returnTo, "http://agora.invalid").searchParams));
  return { items: await renderPosts(page.items, { threadId, returnTo, creditPicks }), nextCursor: page.nextCursor };
}

export async function loadConversationPage(input: z.input<typeof conversationPageInput>): Promise<RenderedPage> {
  const { threadId, rootId, returnTo, query } = parsed(conversationPageInput, input);
  const page = await listConversation(await getViewer(), rootId, query);
  return { items: await renderPosts(page.items, { threadId, returnTo }), nextCursor: page.nextCursor };
}
