// TRACE and TRACK never reach a route, nor proxy.ts: Next.js builds a web Request for each
// request, and the fetch standard forbids those methods (undici throws "'TRACE' HTTP method is
// unsupported"), which Next.js answers with a bare 500. The Node server is the only layer that
// sees them, so they are answered there, before Next.js. (CONNECT never becomes a request event.)
import http from "node:http";
import { AppError, errorResponse } from "./errors";

const FORBIDDEN_BY_FETCH = new Set(["TRACE", "TRACK"]);
const ALLOWED = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";

export function refuseMethodsFetchForbids() {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (event !== "request" || !FORBIDDEN_BY_FETCH.has(request.method ?? "")) return Reflect.apply(emit, this, [event, ...args]);
    const error = new AppError("method_not_allowed", `Méthode ${request.method} non prise en charge : utilisez ${ALLOWED}.`, { headers: { Allow: ALLOWED } });
    void errorResponse(error)
      .text()
      .then((body) => {
        response.writeHead(error.status, { "content-type": "application/json", allow: ALLOWED, "x-content-type-options": "nosniff" });
        response.end(body);
      });
    return true;
  } as typeof emit;
}
