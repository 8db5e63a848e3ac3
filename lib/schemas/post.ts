import { z } from "zod";
import { CREDIT_PICKS_PARAM } from "../form-links";

import { MARKDOWN_MAX_CHARS, markdownLimitProblem } from "./markdown";
import { createdAtCursorKey, cursorDate, cursorId, cursorParam, idParam, idParams, limitParam } from "./pagination";
import {
  FACET_DESCRIPTION_MAX,
  FACET_LABEL_MAX,
  FACETS_MAX,
  FACETS_MIN,
  POSITION_DESCRIPTION_MAX,
  POSITION_LABEL_MAX,
  POSITIONS_MAX,
  POSITIONS_MIN,
  CREDITS_PER_CHANGE,
  POSITION_COLOURS,
  THREAD_TITLE_MAX,
  THREAD_TITLE_MIN,
} from "./vocabulary";

export const POST_BODY_MAX = MARKDOWN_MAX_CHARS;
export { THREAD_TITLE_MAX, THREAD_TITLE_MIN } from "./vocabulary";
/** Conversations (top-level posts) per page of a thread. */
export const POST_PAGE_SIZE = 20;
/**
 * Replies shown with each conversation of a page; the rest load on demand. Few, so that a page
 * of a busy thread stays a page: at most POST_PAGE_SIZE × (1 + this) posts.
 */
export const REPLIES_PER_CONVERSATION = 5;
export const POST_PAGE_MAX = 100;

/**
 * The address opens a post's form, history or (for moderators) credits (`?repondre=12#p-12`): the
 * form is there without JavaScript, and a link that opens it can be followed, bookmarked or opened
 * in a new tab.
 */
export const OPEN_FORM_PARAMS = ["repondre", "citer", "modifier", "supprimer", "historique", "credits"] as const;
export type OpenFormKind = (typeof OPEN_FORM_PARAMS)[number];

/** A member's markdown text: `missing` when empty, `noun` names it in the length error (« Une contribution »). */
export const markdownText = (missing: string, noun: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(POST_BODY_MAX, { error: `${noun} compte au plus ${POST_BODY_MAX.toLocaleString("fr-FR")} caractères.` })
    // What the renderer would refuse (nesting), refused here already: the composer says it as the API does.
    .check((ctx) => {
      const problem = ctx.value.length <= POST_BODY_MAX ? markdownLimitProblem(ctx.value) : null;
      if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    });

export const postBody = markdownText("Écrivez votre contribution.", "Une contribution");

/**
 * `facetId`: on an open question with facets, the one a top-level post is written under (its
 * question's own: lib/posts.ts checks it, the database's foreign key too).
 */
export const createPostSchema = z.object({ body: postBody, parentId: idParam.nullish(), facetId: idParam.nullish() });
export type CreatePostInput = z.infer<typeof createPostSchema>;

export const editPostSchema = z.object({ body: postBody });
export type EditPostInput = z.infer<typeof editPostSchema>;

/** A line of plain text: no control character (a newline, a NUL, a bidirectional override would garble a badge). */
const oneLine = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .regex(/^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u, { error: "Une seule ligne de texte, sans caractère de contrôle." });

/** A row's optional line of description: blank is none. */
const description = (max: number) =>
  oneLine(max, `Sa description compte au plus ${max} caractères.`)
    .optional()
    .transform((text) => text || null);

export const positionInput = z.object({
  label: oneLine(POSITION_LABEL_MAX, `Une position compte au plus ${POSITION_LABEL_MAX} caractères.`).min(1, { error: "Nommez la position." }),
  description: description(POSITION_DESCRIPTION_MAX),
  /** One of the palette's; by default the palette's next one, in the order written. */
  colour: z.preprocess((colour) => (colour === "" ? undefined : colour), z.enum(POSITION_COLOURS, { error: `La couleur vaut l’une de ${POSITION_COLOURS.join(", ")}.` }).optional()),
});
export type PositionInput = z.infer<typeof positionInput>;

export const facetInput = z.object({
  label: oneLine(FACET_LABEL_MAX, `Un thème compte au plus ${FACET_LABEL_MAX} caractères.`).min(1, { error: "Nommez le thème." }),
  description: description(FACET_DESCRIPTION_MAX),
});
export type FacetInput = z.infer<typeof facetInput>;

/**
 * Rows whose labels read the same once case and the width of letters are set aside (« Données »,
 * « DONNÉES »), each refused on its own label after the first.
 */
function refuseSameLabels(ctx: z.core.ParsePayload<unknown>, field: "positions" | "facets", rows: { label: string }[], message: string) {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.label.normalize("NFKC").toLocaleLowerCase("fr");
    if (seen.has(key)) ctx.issues.push({ code: "custom", path: [field, index, "label"], message, input: row.label });
    seen.add(key);
  });
}

/** A position's colour: the one chosen, else the palette's at its rank. */
export const colourOf = (positions: PositionInput[], index: number) => positions[index].colour ?? POSITION_COLOURS[index];

/**
 * An open question, perhaps with its 2 to 4 facets, or a position question with its 2 to 4
 * positions; each distinct, in the order given.
 */
export const createThreadSchema = z
  .object({
    title: z
      .string({ error: "Posez votre question." })
      .trim()
      .min(THREAD_TITLE_MIN, { error: `La question compte au moins ${THREAD_TITLE_MIN} caractères.` })
      .max(THREAD_TITLE_MAX, { error: `La question compte au plus ${THREAD_TITLE_MAX} caractères.` }),
    body: postBody,
    kind: z.enum(["OPEN", "POSITION"], { error: "Le type de question vaut OPEN (question ouverte) ou POSITION (prise de position)." }).default("OPEN"),
    positions: z.array(positionInput).max(POSITIONS_MAX, { error: `Une question offre au plus ${POSITIONS_MAX} positions.` }).default([]),
    facets: z.array(facetInput).max(FACETS_MAX, { error: `Une question ouverte offre au plus ${FACETS_MAX} thèmes.` }).default([]),
  })
  .check((ctx) => {
    const { kind, positions, facets } = ctx.value;
    if (kind === "POSITION" && facets.length > 0) {
      ctx.issues.push({ code: "custom", path: ["facets"], message: "Une prise de position regroupe les arguments par position, pas par thème : laissez les thèmes vides.", input: facets });
    }
    if (kind === "OPEN" && facets.length === 1) {
      ctx.issues.push({ code: "custom", path: ["facets"], message: `Regroupez les arguments en ${FACETS_MIN} à ${FACETS_MAX} thèmes, ou en aucun.`, input: facets });
    }
    refuseSameLabels(ctx, "facets", facets, "Deux thèmes ne peuvent pas porter le même nom.");
    refuseSameLabels(ctx, "positions", positions, "Deux positions ne peuvent pas porter le même nom.");
    if (kind === "OPEN" && positions.length > 0) {
      ctx.issues.push({ code: "custom", path: ["positions"], message: "Une question ouverte n’offre pas de positions : choisissez « prise de position ».", input: positions });
    }
    if (kind === "POSITION" && positions.length < POSITIONS_MIN) {
      ctx.issues.push({ code: "custom", path: ["positions"], message: `Une prise de position offre au moins ${POSITIONS_MIN} positions.`, input: positions });
    }
    const colours = new Set<string>();
    positions.forEach((_position, index) => {
      const colour = colourOf(positions, index);
      if (colours.has(colour)) ctx.issues.push({ code: "custom", path: ["positions", index, "colour"], message: "Deux positions ne peuvent pas avoir la même couleur.", input: colour });
      colours.add(colour);
    });
  });
export type CreateThreadInput = z.infer<typeof createThreadSchema>;

export const POST_SORTS = ["best", "top", "new", "old", "controversial", "consensus"] as const;
export type PostSort = (typeof POST_SORTS)[number];

/** Consensus ranks a post by how every camp voted on it: only a position question has camps. */
const POSITION_ONLY_SORTS: readonly PostSort[] = ["consensus"];

/** The sorts a question of this kind offers. */
export const sortsOf = (kind: "OPEN" | "POSITION"): readonly PostSort[] =>
  kind === "POSITION" ? POST_SORTS : POST_SORTS.filter((sort) => !POSITION_ONLY_SORTS.includes(sort));

/**
 * A page ends on the sort value and id of its last top-level post, and says which sort: the
 * value's type follows the sort's column, so that no cursor can make the query fail.
 */
export const postCursorKey = z.discriminatedUnion("s", [
  z.object({ s: z.enum(["best", "controversial", "consensus"]), v: z.number(), id: cursorId }),
  z.object({ s: z.literal("top"), v: z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1), id: cursorId }),
  z.object({ s: z.enum(["new", "old"]), v: cursorDate, id: cursorId }),
]);
export type PostCursor = z.infer<typeof postCursorKey>;

/** `cursor`: the page after that post; `before`: the page before it ("page précédente"). */
export const listPostsQuery = z
  .object({
    sort: z.enum(POST_SORTS).default("best"),
    /** Only the posts written from this position of the question. */
    position: idParam.optional(),
    /** Only the top-level posts written under this facet of the question. */
    facet: idParam.optional(),
    /** The filter of before positions (AGREE…): refused with what to send instead. */
    stance: z.undefined({ error: "Le filtre par position s’écrit position=<id>, l’id d’une position de la question (GET /api/threads/{id})." }).optional(),
    cursor: cursorParam(postCursorKey).optional(),
    before: cursorParam(postCursorKey).optional(),
    limit: limitParam(POST_PAGE_SIZE, POST_PAGE_MAX),
  })
  .refine((query) => !(query.cursor && query.before), { error: "Donnez cursor ou before, pas les deux.", path: ["before"] });
export type ListPostsQuery = z.infer<typeof listPostsQuery>;

export const postIdParams = idParams;

/** Replies per page of a conversation's own page. */
export const CONVERSATION_PAGE_SIZE = 50;

/** The rest of a conversation continues after its last reply shown (`cursor`), or before one (`before`). */
export const conversationQuery = z
  .object({
    cursor: cursorParam(createdAtCursorKey).optional(),
    before: cursorParam(createdAtCursorKey).optional(),
    limit: limitParam(POST_PAGE_SIZE, POST_PAGE_MAX),
  })
  .refine((query) => !(query.cursor && query.before), { error: "Donnez cursor ou before, pas les deux.", path: ["before"] });
export type ConversationQuery = z.infer<typeof conversationQuery>;

type Address = Record<string, string | string[] | undefined>;

/** A parameter of the address, when given once (given twice, it arrives as an array: ignored). */
const single = (params: Address, name: string) => (typeof params[name] === "string" ? params[name] : undefined);

/**
 * The page of a thread its address asks for: the sort, the position or facet filter and the
 * cursor, each dropped when invalid (a forged cursor, a cursor of another sort, a sort the question
 * does not offer) rather than refused, since readers type and share these addresses.
 */
export function threadPageQuery(params: Address, limit = POST_PAGE_SIZE, kind: "OPEN" | "POSITION" = "POSITION"): ListPostsQuery {
  const sort = single(params, "sort") as PostSort | undefined;
  const isOffered = !POST_SORTS.includes(sort!) || sortsOf(kind).includes(sort!);
  const base = { sort: isOffered ? sort : undefined, position: single(params, "position"), facet: single(params, "facet"), limit };
  const full = listPostsQuery.safeParse({ ...base, cursor: single(params, "cursor"), before: single(params, "before") });
  const query = full.success ? full.data : (listPostsQuery.safeParse(base).data ?? listPostsQuery.parse({ limit }));
  const position = query.cursor ?? query.before;
  return position && position.s !== query.sort ? { ...query, cursor: undefined, before: undefined } : query;
}

/** The posts the address picks for the stance form (`?convaincu=12,40`): valid ids, distinct, CREDITS_PER_CHANGE at most; anything else picks none. */
export function creditPicksOf(params: Address): number[] {
  const ids = (single(params, CREDIT_PICKS_PARAM) ?? "").split(",").map((id) => idParam.safeParse(id));
  if (ids.some((id) => !id.success)) return [];
  return [...new Set(ids.map((id) => id.data!))].slice(0, CREDITS_PER_CHANGE);
}

/** The post whose form or history the address opens (`?repondre=12`), if any. */
export function openFormOf(params: Address) {
  for (const kind of OPEN_FORM_PARAMS) {
    const id = idParam.safeParse(params[kind]);
    if (id.success) return { kind, postId: id.data };
  }
  return undefined;
}

/** The page of a conversation its address asks for; an invalid cursor is dropped, as on a thread page. */
export function conversationPageQuery(params: Address): ConversationQuery {
  const full = conversationQuery.safeParse({ cursor: single(params, "cursor"), before: single(params, "before"), limit: CONVERSATION_PAGE_SIZE });
  return full.success ? full.data : conversationQuery.parse({ limit: CONVERSATION_PAGE_SIZE });
}
