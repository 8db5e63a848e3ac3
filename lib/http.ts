// The one wrapper every route handler goes through. It refuses cross-site writes, accepts only
// JSON bodies, parses query and body with zod, and turns every failure into the JSON error shape
// of lib/errors.ts. Handlers stay thin: parse, call lib/, answer.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getRequestActor } from "./auth";
import { requireActiveUser, requireRole, requireUser } from "./authorization";
import { databaseAppError } from "./db-errors";
import { AppError, errorResponse, zodIssues } from "./errors";
import type { Role } from "./schemas/user";
import type { Actor } from "./users";

type Params = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<Params> };

/**
 * Who may call the route: anyone, or a signed-in user ("user") of at least a role. A write
 * (any method but GET/HEAD) by a suspended user is refused, unless `allowSuspended` (account
 * security: a suspended member may still change their password or sign out everywhere).
 */
type Access = "user" | Role;

type RouteOptions<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType, A extends Access | undefined> = {
  query?: Q;
  body?: B;
  params?: P;
  auth?: A;
  allowSuspended?: boolean;
  /** Status of a successful answer (201 for a creation, 204 for none). */
  status?: number;
};

type HandlerInput<Q, B, P, A> = {
  request: Request;
  query: Q;
  body: B;
  params: P;
  actor: A extends Access ? Actor : Actor | null;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser always sends Origin on a cross-site POST/PUT/PATCH/DELETE, and Sec-Fetch-Site on
 * every request; a request with neither comes from a non-browser client, which carries no
 * victim's cookies, so it is not a CSRF vector.
 */
export function assertSameOrigin(headers: Headers, requestUrl: string) {
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site");
  const sameOrigin = origin ? origin === expectedOrigin(headers, requestUrl) : !fetchSite || fetchSite === "same-origin";
  if (!sameOrigin) throw new AppError("forbidden", "Requête refusée : elle ne vient pas de ce site.");
}

function expectedOrigin(headers: Headers, requestUrl: string) {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  // Behind no proxy, the Host header is the origin the browser used.
  const url = new URL(requestUrl);
  const host = headers.get("host") ?? url.host;
  return `${url.protocol}//${host}`;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  // A cross-site form can post text/plain without a preflight: only JSON is accepted.
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Le corps de la requête doit être du JSON (Content-Type: application/json).");
  }
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "Le corps de la requête n'est pas du JSON valide.");
  }
}

/**
 * PostgreSQL text cannot hold U+0000 (22021): a NUL anywhere in a query or JSON body, in a value
 * or a key, is refused here, once for every field of every route, instead of a 500 at the first
 * write. The walk is iterative, so deep nesting cannot overflow the stack, and a node's path is
 * built only for the one that fails.
 */
export function assertNoNul(value: unknown, where: string) {
  type Node = { value: unknown; key?: string; parent?: Node };
  const pending: Node[] = [{ value }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value: current, key } = node;
    if ((typeof current === "string" && current.includes("\0")) || key?.includes("\0")) {
      const path = [];
      for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
      throw new AppError("bad_request", `Paramètres invalides (${where}) : retirez le caractère nul (U+0000) du texte.`, {
        issues: [{ path: path.reverse().join("."), message: "Le caractère nul (U+0000) n’est pas accepté." }],
      });
    }
    if (current !== null && typeof current === "object") {
      for (const [childKey, child] of Object.entries(current)) pending.push({ value: child, key: childKey, parent: node });
    }
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  assertNoNul(value, where);
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(where === "body" ? "invalid_input" : "bad_request", `Paramètres invalides (${where}).`, {
      issues: zodIssues(result.error),
    });
  }
  return result.data;
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error);
  const known = databaseAppError(error);
  if (known) {
    if (known.code === "unavailable") console.error("[db] unreachable:", error instanceof Error ? error.message : error);
    return errorResponse(known);
  }
  const requestId = randomUUID();
  console.error(`[${requestId}]`, error);
  return errorResponse(new AppError("internal", `Erreur interne (référence ${requestId}).`));
}

function authorize(actor: Actor | null, options: { auth?: Access; allowSuspended?: boolean }, isWrite: boolean) {
  if (!options.auth) return actor;
  const user = options.auth === "user" ? requireUser(actor) : requireRole(actor, options.auth);
  return isWrite && !options.allowSuspended ? requireActiveUser(user) : user;
}

export function route<
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
  A extends Access | undefined = undefined,
>(
  options: RouteOptions<Q, B, P, A>,
  handler: (input: HandlerInput<z.infer<Q>, z.infer<B>, z.infer<P>, A>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const isWrite = !SAFE_METHODS.has(request.method);
      if (isWrite) assertSameOrigin(request.headers, request.url);
      const actor = authorize(await getRequestActor(request), options, isWrite);
      const params = options.params ? parse(options.params, await context.params, "params") : undefined;
      const query = options.query
        ? parse(options.query, Object.fromEntries(new URL(request.url).searchParams), "query")
        : undefined;
      const body = options.body ? parse(options.body, await readJsonBody(request), "body") : undefined;
      const input = { request, query, body, params, actor } as HandlerInput<z.infer<Q>, z.infer<B>, z.infer<P>, A>;
      const result = await handler(input);
      if (options.status === 204) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200 });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
