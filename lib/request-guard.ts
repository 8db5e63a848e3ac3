// Requests refused before any route runs (proxy.ts), because Next.js itself answers them with a
// bare 500: a path whose percent-encoding does not decode (`/t/%ED%A0%80` fails in its router),
// a method it does not know (TRACE). A NUL in the address is refused with them: pages pass path
// and query straight to PostgreSQL, whose text cannot hold it (22021).
import { AppError, errorResponse } from "./errors";

/** The methods route handlers can export; Next.js answers 405 itself for one a route lacks. */
export const API_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
/**
 * Pages are read; a form submitted before its script runs posts to its own page (method="post",
 * no action), which then renders as for a GET.
 */
const PAGE_METHODS = ["GET", "HEAD", "POST"];

function hasNul(url: URL) {
  if (decodeURIComponent(url.pathname).includes("\0")) return true;
  for (const [key, value] of url.searchParams) if (key.includes("\0") || value.includes("\0")) return true;
  return false;
}

function refusal(isApi: boolean, error: AppError, pageMessage: string) {
  if (isApi) return errorResponse(error);
  return new Response(pageMessage, {
    status: error.status,
    headers: { "content-type": "text/plain; charset=utf-8", ...error.details?.headers },
  });
}

/** The answer to a request no route can take, or null to let it through. */
export function refuseMalformedRequest(method: string, url: URL): Response | null {
  const isApi = url.pathname === "/api" || url.pathname.startsWith("/api/");
  const allowed = isApi ? API_METHODS : PAGE_METHODS;
  if (!allowed.includes(method)) {
    const error = new AppError("method_not_allowed", `Méthode ${method} non prise en charge : utilisez ${allowed.join(", ")}.`, {
      headers: { Allow: allowed.join(", ") },
    });
    return refusal(isApi, error, `405 — ${error.message}`);
  }
  let isMalformed: boolean;
  try {
    isMalformed = hasNul(url);
  } catch {
    isMalformed = true;
  }
  if (!isMalformed) return null;
  const error = new AppError("bad_request", "Adresse invalide : un encodage %XX incorrect ou un caractère nul (%00). Vérifiez le lien.");
  return refusal(isApi, error, `400 — ${error.message}`);
}
